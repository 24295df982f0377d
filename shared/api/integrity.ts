import type { BackupList, BackupResult, OpenStatus, QuarantineResult, RestoreResult, VerifyExport, VerifyReport } from '../domain';
import { absPath, noArgs, returns, z } from './define';

export const backupApi = {
  /** A one-file backup now; into `outDir`, or the folder beside the archive. */
  'backup.create': returns<BackupResult>()(z.object({ outDir: absPath.optional() }).strict()),
  'backup.list': returns<BackupList>()(noArgs),
  /**
   * Restore into a new (or empty) folder; verified before it is put in place. Without
   * `targetDir`, a new folder beside the archive named after it and the backup.
   */
  'backup.restore': returns<RestoreResult>()(
    z.object({ file: absPath.refine((p) => /\.zip$/i.test(p), '请选择 .zip 备份文件'), targetDir: absPath.optional() }).strict(),
  ),
} as const;

export const integrityApi = {
  'integrity.verify': returns<VerifyReport>()(noArgs),
  /** Cheap check at start-up: interrupted imports cleared at open, stored files without rows. */
  'integrity.openStatus': returns<OpenStatus>()(noArgs),
  /**
   * Run 四性检测 and write the report as PDF or Excel: to `outFile` (the clerk's choice in a save
   * dialog), into `outDir`, or into the archive's exports/ (browser mode then downloads it).
   */
  'integrity.exportReport': returns<VerifyExport>()(
    z
      .object({ format: z.enum(['pdf', 'xlsx'], '格式只能是 pdf 或 xlsx'), outDir: absPath.optional(), outFile: absPath.optional() })
      .strict()
      .refine((o) => !(o.outDir && o.outFile), { message: '保存位置只能指定文件夹或文件之一', path: ['outFile'] }),
  ),
  /** Move stored files that no material refers to into quarantine/ (never deleted). */
  'integrity.quarantineOrphans': returns<QuarantineResult>()(noArgs),
  ...backupApi,
} as const;
