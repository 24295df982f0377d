import type { BackupList, BackupResult, OpenStatus, QuarantineResult, RestoreResult, VerifyExport, VerifyReport } from '../domain';
import { absPath, noArgs, returns, z } from './define';

export const backupApi = {
  /** A one-file backup now; into `outDir`, or the folder beside the archive. */
  'backup.create': returns<BackupResult>()(z.object({ outDir: absPath.optional() }).strict()),
  'backup.list': returns<BackupList>()(noArgs),
  /** Restore into a new (or empty) folder; verified before it is put in place. */
  'backup.restore': returns<RestoreResult>()(
    z.object({ file: absPath.refine((p) => /\.zip$/i.test(p), '请选择 .zip 备份文件'), targetDir: absPath }).strict(),
  ),
} as const;

export const integrityApi = {
  'integrity.verify': returns<VerifyReport>()(noArgs),
  /** Cheap check at start-up: interrupted imports cleared at open, stored files without rows. */
  'integrity.openStatus': returns<OpenStatus>()(noArgs),
  /** Run 四性检测 and write the report as PDF or Excel, into `outDir` or the archive's exports/. */
  'integrity.exportReport': returns<VerifyExport>()(
    z.object({ format: z.enum(['pdf', 'xlsx'], '格式只能是 pdf 或 xlsx'), outDir: absPath.optional() }).strict(),
  ),
  /** Move stored files that no material refers to into quarantine/ (never deleted). */
  'integrity.quarantineOrphans': returns<QuarantineResult>()(noArgs),
  ...backupApi,
} as const;
