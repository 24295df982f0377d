// Safe zip helpers for every zip the app reads or writes (backups, folder exports, bundles).
export { entryTarget, shownName, unsafeEntryReason } from './entryPath';
export { DEFAULT_ZIP_LIMITS, UnsafeZipError, type ExtractOptions, extractZip, formatBytes, listZip, readZipEntry, type UnsafeZipKind, type ZipEntryInfo, type ZipLimits } from './readZip';
export { writeZip, type ZipSource } from './writeZip';
