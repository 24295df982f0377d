// ffmpeg and ffprobe from the @ffmpeg-installer / @ffprobe-installer packages: each platform's
// binary ships inside an npm package (nothing is downloaded at install or run time). Both are run
// as child processes with a time limit and never read a file into this process's memory.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function binary(pkg: string): string | null {
  try {
    // Packaged, the binaries lie beside the asar archive (electron-builder.yml asarUnpack).
    return (require(pkg) as { path: string }).path.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  } catch {
    return null; // no binary for this platform
  }
}

export const ffprobePath = (): string | null => binary('@ffprobe-installer/ffprobe');
export const ffmpegPath = (): string | null => binary('@ffmpeg-installer/ffmpeg');

export interface RunResult {
  code: number | string | null;
  stdout: string;
  stderr: string;
  killed: boolean;
}

export function run(program: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(program, args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, windowsHide: true }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as NodeJS.ErrnoException).code ?? 1) : 0, stdout, stderr, killed: Boolean(err && (err as { killed?: boolean }).killed) }),
    );
  });
}
