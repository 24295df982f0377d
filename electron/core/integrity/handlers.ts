import type { HandlersOf } from '../../../shared/api';
import type { integrityApi } from '../../../shared/api/integrity';
import type { CoreContext } from '../context';
import { verifyArchive } from './verify';

export function integrityHandlers(ctx: CoreContext): HandlersOf<typeof integrityApi> {
  return {
    'integrity.verify': async () => verifyArchive(ctx.archive),
  };
}
