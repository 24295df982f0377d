import type { HandlersOf } from '../../../shared/api';
import type { integrityApi } from '../../../shared/api/integrity';
import { backupHandlers } from '../backup/handlers';
import type { CoreContext } from '../context';
import { findOrphans, quarantineOrphans } from './orphans';
import { exportVerifyReport } from './report/exportReport';
import { verifyArchive } from './verify';

export function integrityHandlers(ctx: CoreContext): HandlersOf<typeof integrityApi> {
  return {
    'integrity.verify': async () => verifyArchive(ctx.archive),
    'integrity.openStatus': async () => ({ ...ctx.archive.openReport, orphans: await findOrphans(ctx.archive) }),
    'integrity.exportReport': async ({ format, outDir, outFile }) => exportVerifyReport(ctx.archive, format, outFile ? { file: outFile } : { dir: outDir }),
    'integrity.quarantineOrphans': async () => quarantineOrphans(ctx.archive),
    ...backupHandlers(ctx),
  };
}
