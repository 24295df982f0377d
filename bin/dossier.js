#!/usr/bin/env node
// The `dossier` CLI. Runs the TypeScript sources directly through tsx, so a fresh clone needs
// no build step before `npx dossier`.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/main.ts');
