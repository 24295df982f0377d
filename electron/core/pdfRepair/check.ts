import { runQpdf, type QpdfRun } from './qpdfWorker';

export type PdfInput = { file: string } | { bytes: Uint8Array };

/**
 * What `qpdf --check` found. This qpdf (WASM) stops at the first damage that needs recovery
 * (a broken xref, a stream that does not decode) without naming where it is; only warnings it
 * can simply note (bad tokens in a content stream) come with their object.
 */
export interface PdfCheck {
  /** ok: nothing found; warnings: it read all, with warnings; damaged: it gave up; password: it needs one to open. */
  status: 'ok' | 'warnings' | 'damaged' | 'password';
  /** Whether an /Encrypt dictionary protects it (null: qpdf stopped before it could say). */
  encrypted: boolean | null;
  /** Object numbers of pages a warning names ("page object 12 0 …"). */
  pageObjects: number[];
  /** Warnings and errors as qpdf wrote them, for logs; not for the clerk. */
  problems: string[];
}

/** Lines of a run that are not its progress report. */
function problemLines(run: QpdfRun): string[] {
  return run.messages.filter((line) => /^(WARNING|ERROR|qpdf): /.test(line) && !/operation succeeded with warnings/.test(line));
}

export function needsPassword(run: QpdfRun): boolean {
  return run.rc === 2 && run.messages.some((line) => /invalid password/.test(line));
}

/** Run `qpdf --check` in the worker; a run stopped for time or memory counts as damaged. */
export async function checkPdf(input: PdfInput, size: number): Promise<PdfCheck> {
  const run = await runQpdf(['--check', '/in.pdf'], input, size);
  if ('stopped' in run) return { status: 'damaged', encrypted: null, pageObjects: [], problems: [`qpdf ${run.stopped}`] };
  const encrypted = run.messages.includes('File is not encrypted') ? false : run.messages.some((l) => /^R = \d/.test(l)) ? true : null;
  const problems = problemLines(run);
  const pageObjects = [...new Set(problems.flatMap((l) => [...l.matchAll(/page object (\d+) \d+/g)].map((m) => Number(m[1]))))];
  const status = needsPassword(run) ? 'password' : run.rc === 0 ? 'ok' : run.rc === 3 ? 'warnings' : 'damaged';
  return { status, encrypted: status === 'password' ? true : encrypted, pageObjects, problems };
}
