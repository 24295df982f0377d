// The thread libraries run on: answers, bounded in time and memory, and silent.
import { describe, expect, it } from 'vitest';
import { ScriptWorker } from '../../electron/core/workers/scriptWorker';
import { captureOutput } from '../helpers/captureOutput';

const SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, what }) => {
  if (what === 'spin') for (;;);
  if (what === 'grow') { const keep = []; for (;;) keep.push(new Array(1e5).fill(Math.random())); }
  if (what === 'die') process.exit(1);
  console.log('a library talking');
  process.stderr.write('and writing below console\\n');
  parentPort.postMessage({ id, echo: what, thread: require('node:worker_threads').threadId });
});
`;

describe('ScriptWorker', () => {
  const worker = new ScriptWorker<{ what: string }, { echo: string; thread: number }>({
    source: SOURCE,
    workerData: () => null,
    maxHeapMb: 32,
    idleMs: 1_000,
  });

  it('answers one request at a time, and nothing the worker prints reaches the process', async () => {
    const { value, printed } = await captureOutput(() => Promise.all([worker.run({ what: 'a' }, 5_000), worker.run({ what: 'b' }, 5_000)]));
    expect(value.map((o) => ('reply' in o ? o.reply.echo : o.stopped))).toEqual(['a', 'b']);
    // Let the worker's stdout stream flush into the parent, if it were going to.
    await new Promise((r) => setTimeout(r, 100));
    expect(printed).toEqual([]);
  });

  it('stops a request that runs over its time, and the next one gets a fresh thread', async () => {
    const first = await worker.run({ what: 'x' }, 5_000);
    expect(await worker.run({ what: 'spin' }, 300)).toEqual({ stopped: 'timeout' });
    const after = await worker.run({ what: 'y' }, 5_000);
    expect('reply' in after && 'reply' in first && after.reply.thread !== first.reply.thread).toBe(true);
  });

  it('stops a request that runs out of memory, or whose thread dies', async () => {
    expect(await worker.run({ what: 'grow' }, 30_000)).toEqual({ stopped: 'memory' });
    expect(await worker.run({ what: 'die' }, 5_000)).toEqual({ stopped: 'crash' });
    expect(await worker.run({ what: 'z' }, 5_000)).toMatchObject({ reply: { echo: 'z' } });
  });
});
