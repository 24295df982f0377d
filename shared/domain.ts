// Domain types shared by the core, every transport and the renderer, one file per capability
// under shared/domain/. Plain data only: what crosses the contract must survive JSON.
export * from './domain/app';
export * from './domain/dates';
export * from './domain/dossiers';
export * from './domain/indicators';
export * from './domain/integrity';
export * from './domain/jobs';
export * from './domain/materials';
export * from './domain/ocr';
export * from './domain/packets';
export * from './domain/bundles';
export * from './domain/formatNames';
