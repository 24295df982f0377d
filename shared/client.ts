import type { ApiClient, ApiMethod } from './api';

/**
 * A typed client over any transport: `client['materials.list'](args)` becomes
 * `call('materials.list', args)`. A Proxy over the method names rather than a loop over the
 * method table, so the renderer bundles no schemas: the core validates on every transport.
 */
export function createClient(call: (method: ApiMethod, args: unknown) => Promise<unknown>): ApiClient {
  return new Proxy({} as ApiClient, {
    // Every method name has a dot; anything else (`then`, symbols) is not a method, so a client
    // is never mistaken for a promise.
    get: (_target, name) =>
      typeof name === 'string' && name.includes('.') ? (args: unknown) => call(name as ApiMethod, args) : undefined,
  });
}
