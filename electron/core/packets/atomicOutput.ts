import { fsyncDir, fsyncFile } from '../store/durable';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

interface Pending {
  temp: string;
  target: string;
  kind: 'file' | 'dir';
}

/**
 * Outputs of one export, written under temporary names in the output folder and renamed into
 * place together at the end. A cancelled or failed export removes its temporaries, so a file
 * under a target name is always complete (an earlier export's, or this one's).
 */
export class AtomicOutputs {
  private readonly pending: Pending[] = [];

  constructor(readonly outDir: string) {}

  /** A temporary path for the file that becomes `<outDir>/<name>`. */
  file(name: string): string {
    return this.add(name, 'file');
  }

  /** A temporary folder (created) for the folder that becomes `<outDir>/<name>`. */
  async dir(name: string): Promise<string> {
    const temp = this.add(name, 'dir');
    await fs.mkdir(temp);
    return temp;
  }

  target(name: string): string {
    return path.join(this.outDir, name);
  }

  private add(name: string, kind: Pending['kind']): string {
    const temp = path.join(this.outDir, `.${name}.partial-${randomBytes(4).toString('hex')}`);
    this.pending.push({ temp, target: this.target(name), kind });
    return temp;
  }

  /** Move every output into place. Files are fsynced first so a crash cannot leave a torn file. */
  async commit(): Promise<void> {
    for (const p of this.pending) {
      if (p.kind === 'file') {
        await fsyncFile(p.temp);
        await fs.rename(p.temp, p.target);
      } else {
        // rename() cannot replace a non-empty folder: move the old one aside first.
        const old = `${p.temp}.old`;
        const hadOld = await exists(p.target);
        if (hadOld) await fs.rename(p.target, old);
        await fs.rename(p.temp, p.target);
        if (hadOld) await fs.rm(old, { recursive: true, force: true });
      }
    }
    this.pending.length = 0;
    await fsyncDir(this.outDir);
  }

  /** Remove whatever was written so far; never throws. */
  async discard(): Promise<void> {
    for (const p of this.pending) {
      await fs.rm(p.temp, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
    }
    this.pending.length = 0;
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
