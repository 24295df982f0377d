// LibreOffice headless as a child process: one conversion at a time (each soffice takes hundreds of
// MB), in a private profile so it never touches or waits on the clerk's own LibreOffice, within a
// time limit, killed with its children on timeout or cancel. Nothing is read into memory but the PDF.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Why a conversion gave no PDF: for the clerk, in Chinese, by the caller. */
export class ConversionFailed extends Error {
  constructor(readonly why: 'timeout' | 'failed' | 'cancelled') {
    super(`office conversion ${why}`);
  }
}

const TIME_LIMIT_MS = 180_000;

let queue: Promise<unknown> = Promise.resolve();

/** Runs `task` after every conversion already asked for. */
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

function runSoffice(program: string, args: string[], signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: 'ignore', windowsHide: true, detached: process.platform !== 'win32' });
    let why: ConversionFailed['why'] | null = null;
    const kill = (reason: ConversionFailed['why']) => {
      why = reason;
      try {
        // soffice starts soffice.bin: the whole group goes.
        if (process.platform !== 'win32' && child.pid) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => kill('timeout'), TIME_LIMIT_MS);
    const onAbort = () => kill('cancelled');
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = (ok: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (ok && !why) resolve();
      else reject(new ConversionFailed(why ?? 'failed'));
    };
    child.once('error', () => done(false));
    child.once('exit', (code) => done(code === 0));
  });
}

/**
 * The PDF LibreOffice makes of `source` (read as `ext`, e.g. '.doc'), written into `workDir`.
 * Throws ConversionFailed when LibreOffice fails, gives no PDF, or runs too long.
 */
export function officeToPdf(program: string, source: string, ext: string, workDir: string, signal?: AbortSignal): Promise<string> {
  return oneAtATime(async () => {
    signal?.throwIfAborted();
    const dir = await fs.mkdtemp(path.join(workDir, 'office-'));
    try {
      // A name LibreOffice picks its import filter by; the blob itself has no extension.
      const input = path.join(dir, `source${ext}`);
      await fs.copyFile(source, input);
      const profile = pathToFileURL(path.join(dir, 'profile')).toString();
      const out = path.join(dir, 'out');
      await runSoffice(
        program,
        [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', 'pdf', '--outdir', out, input],
        signal,
      );
      const pdf = path.join(out, 'source.pdf');
      const head = await fs.readFile(pdf).then(
        (b) => b.subarray(0, 5).toString('latin1'),
        () => '',
      );
      if (head !== '%PDF-') throw new ConversionFailed('failed');
      const kept = path.join(workDir, `${path.basename(dir)}.pdf`);
      await fs.rename(pdf, kept);
      return kept;
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
}

