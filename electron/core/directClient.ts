import type { ApiClient, Handlers } from '../../shared/api';
import { createClient } from '../../shared/client';
import { callHandler } from './handlers';

/** The direct transport (CLI, tests): same validation as IPC and HTTP, no serialisation. */
export function createDirectClient(handlers: Handlers): ApiClient {
  return createClient((method, args) => callHandler(handlers, method, args));
}
