// The implementation of the API contract, assembled from each capability's handlers. Transports
// validate arguments with the same schemas before calling in (see `callHandler`).
import { parseArgs, type ApiMethod, type ApiResult, type Handlers } from '../../shared/api';
import { ApiError } from '../../shared/errors';
import { officeConverterLine } from './convert/findOffice';
import { appVersion } from './appVersion';
import { bundleHandlers } from './bundles/handlers';
import type { CoreContext } from './context';
import { dossierHandlers } from './dossiers/handlers';
import { indicatorHandlers } from './indicators/handlers';
import { integrityHandlers } from './integrity/handlers';
import { materialHandlers } from './materials/handlers';
import { ocrHandlers } from './ocr/handlers';
import { packetHandlers } from './packets/handlers';

export function createHandlers(ctx: CoreContext): Handlers {
  return {
    'app.info': async () => ({ archivePath: ctx.archive.root, version: appVersion, transport: ctx.transport, officeConverter: officeConverterLine() }),
    ...dossierHandlers(ctx),
    ...indicatorHandlers(ctx),
    ...materialHandlers(ctx),
    ...ocrHandlers(ctx),
    ...packetHandlers(ctx),
    ...integrityHandlers(ctx),
    ...bundleHandlers(ctx),
  };
}

/**
 * The single entry every transport uses: check the method exists, validate the raw arguments
 * with the shared schema, call the handler.
 */
export async function callHandler(handlers: Handlers, method: string, rawArgs: unknown): Promise<unknown> {
  if (!Object.prototype.hasOwnProperty.call(handlers, method)) {
    throw new ApiError('unknown_method', `未知的操作：${method}`);
  }
  const name = method as ApiMethod;
  const args = parseArgs(name, rawArgs);
  const handler = handlers[name] as (a: typeof args) => Promise<ApiResult<typeof name>>;
  return handler(args);
}
