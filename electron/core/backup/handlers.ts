import { existsSync } from 'node:fs';
import path from 'node:path';
import type { HandlersOf } from '../../../shared/api';
import type { backupApi } from '../../../shared/api/integrity';
import type { CoreContext } from '../context';
import { createBackup } from './createBackup';
import { backupFileName, defaultBackupDir, defaultRestoreDir, listBackups } from './location';
import { restoreBackup } from './restoreBackup';

export function backupHandlers(ctx: CoreContext): HandlersOf<typeof backupApi> {
  const root = ctx.archive.root;
  return {
    'backup.create': async ({ outDir }) =>
      createBackup(ctx.archive, path.join(outDir ?? defaultBackupDir(root), backupFileName(false))),
    'backup.list': async () => {
      const dir = defaultBackupDir(root);
      return { dir, backups: await listBackups(dir) };
    },
    'backup.restore': async ({ file, targetDir }) => restoreBackup(file, targetDir ?? defaultRestoreDir(root, file, (dir) => existsSync(dir))),
  };
}
