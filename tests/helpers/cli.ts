// The `dossier` CLI as a child process, as a script or a clerk's IT person would run it.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './tempArchive';

const run = promisify(execFile);
export const dossierBin = path.join(repoRoot, 'bin', 'dossier.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `dossier …`; with `uid`, as that (non-root) user through setpriv; `env` added to ours. Never throws on exit codes. */
export async function runDossier(args: string[], options: { uid?: number; env?: Record<string, string> } = {}): Promise<CliResult> {
  const [file, argv] =
    options.uid === undefined
      ? [process.execPath, [dossierBin, ...args]]
      : ['setpriv', [`--reuid=${options.uid}`, `--regid=${options.uid}`, '--clear-groups', process.execPath, dossierBin, ...args]];
  try {
    const { stdout, stderr } = await run(file, argv, { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...options.env } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
