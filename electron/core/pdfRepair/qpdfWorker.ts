import { createRequire } from 'node:module';
import { ScriptWorker, timeoutForSize, type Stopped } from '../workers/scriptWorker';

/**
 * qpdf (compiled to WASM, in @neslinesli93/qpdf-wasm) prints through `console`, bound when the
 * module loads, and sets `process.exitCode` as a command would: both stay inside this thread.
 * The console is replaced before the module is required, so every line qpdf writes is collected
 * for the caller (who reads it, and never shows it). Files live in qpdf's in-memory file system
 * for one run only.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
let lines = [];
console.log = console.info = console.warn = console.error = console.debug = (...args) => { lines.push(args.join(' ')); };
// The name qpdf puts before its errors ("qpdf: …"), taken from argv as a command's would be.
process.argv[1] = 'qpdf';
const ready = require(workerData.module)({ locateFile: () => workerData.wasm });
parentPort.on('message', async ({ id, args, file, bytes, outputs }) => {
  let q;
  try {
    q = await ready;
  } catch (err) {
    parentPort.postMessage({ id, rc: -1, messages: [String((err && err.message) || err)], files: {} });
    return;
  }
  lines = [];
  const files = {};
  let rc;
  try {
    q.FS.writeFile('/in.pdf', bytes || fs.readFileSync(file));
    rc = q.callMain(args);
    for (const name of outputs) {
      try { files[name] = q.FS.readFile('/' + name); } catch {}
    }
  } catch (err) {
    rc = -1;
    lines.push(String((err && err.message) || err));
  } finally {
    for (const name of ['in.pdf', ...outputs]) {
      try { q.FS.unlink('/' + name); } catch {}
    }
    process.exitCode = 0;
  }
  parentPort.postMessage({ id, rc, messages: lines, files }, Object.values(files).map((f) => f.buffer));
});
`;

interface QpdfRequest {
  args: string[];
  file?: string;
  bytes?: Uint8Array;
  outputs: string[];
}

interface QpdfReply {
  rc: number;
  messages: string[];
  files: Record<string, Uint8Array>;
}

/** qpdf's exit codes: 0 clean, 3 done with warnings, 2 errors; -1: it threw. */
export interface QpdfRun {
  rc: number;
  /** Every line qpdf printed, stdout and stderr interleaved as it wrote them. */
  messages: string[];
  /** The files named in `outputs` that it wrote. */
  files: Record<string, Uint8Array>;
}

const worker = new ScriptWorker<QpdfRequest, QpdfReply>({
  source: WORKER_SOURCE,
  workerData: () => {
    const require = createRequire(import.meta.url);
    return { module: require.resolve('@neslinesli93/qpdf-wasm'), wasm: require.resolve('@neslinesli93/qpdf-wasm/dist/qpdf.wasm') };
  },
  maxHeapMb: 1024,
  idleMs: 20_000,
});

/** How often qpdf ran in this process: lets tests see that a cached answer was used. */
export const qpdfStats = { runs: 0 };

/**
 * Run qpdf on one PDF (a stored file, read by the worker, or bytes), named `/in.pdf` in its
 * arguments; outputs are written as `/<name>` and returned. `size` bounds the time it may take.
 */
export async function runQpdf(
  args: string[],
  input: { file: string } | { bytes: Uint8Array },
  size: number,
  outputs: string[] = [],
): Promise<QpdfRun | { stopped: Stopped }> {
  qpdfStats.runs += 1;
  const request: QpdfRequest = { args, outputs, ...input };
  const outcome = await worker.run(request, timeoutForSize(size));
  if ('stopped' in outcome) return outcome;
  const { rc, messages, files } = outcome.reply;
  return { rc, messages, files };
}
