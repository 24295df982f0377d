// The one client every caller uses, over any transport.
import { describe, expect, it } from 'vitest';
import { createClient } from '../../shared/client';

describe('createClient', () => {
  it('turns a method call into call(name, args), and is never taken for a promise', async () => {
    const calls: [string, unknown][] = [];
    const client = createClient(async (method, args) => {
      calls.push([method, args]);
      return 42;
    });
    expect(await client['materials.index']({ dossierId: 3 })).toBe(42);
    expect(calls).toEqual([['materials.index', { dossierId: 3 }]]);
    // Returned from an async function, a client must come back as itself, not be awaited into a call.
    expect(await Promise.resolve(client)).toBe(client);
    expect(calls).toHaveLength(1);
  });
});
