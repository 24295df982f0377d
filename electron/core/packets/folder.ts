import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { ApiError } from '../../../shared/errors';
import type { Archive } from '../archive/archive';
import { folderRelativePath, indicatorFolderName } from './naming';
import type { Filing, PacketPlan } from './plan';

export const MANIFEST_NAME = 'manifest-sha256.txt';

export interface FolderExportInput {
  plan: PacketPlan;
  archive: Archive;
  /** The (temporary) folder to fill. */
  dir: string;
  signal: AbortSignal;
  progress(done: number, total: number, title: string): void;
}

export interface FolderExportResult {
  files: number;
  /** Filings whose original is missing from the store. */
  missing: Filing[];
}

/** Copy while hashing; the copy is what the manifest describes. */
async function copyHashed(from: string, to: string, signal: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(createReadStream(from), tap, createWriteStream(to, { flags: 'wx' }), { signal });
  return hash.digest('hex');
}

/**
 * The originals, one folder per indicator (“<编码> <名称>”, empty ones included so gaps show),
 * each file named “<档号> <题名><扩展名>” (档号 as in the workbook and catalogue), and a
 * manifest-sha256.txt in `sha256sum -c` format. Every copy is checked against the store's hash.
 */
export async function exportFolder(input: FolderExportInput): Promise<FolderExportResult> {
  const { plan, archive, dir, signal } = input;
  const total = plan.filings.length;
  const lines: string[] = [];
  const missing: Filing[] = [];
  for (const section of plan.sections) {
    await fs.mkdir(path.join(dir, indicatorFolderName(section.indicator)), { recursive: true });
  }
  let done = 0;
  for (const filing of plan.filings) {
    signal.throwIfAborted();
    input.progress(done, total, filing.material.title);
    await yieldToLoop();
    const relative = folderRelativePath(filing);
    const source = archive.store.pathFor(filing.material.sha256);
    const target = path.join(dir, ...relative.split('/'));
    let digest: string;
    try {
      digest = await copyHashed(source, target, signal);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' && !(await exists(source))) {
        missing.push(filing);
        done += 1;
        continue;
      }
      throw err;
    }
    if (digest !== filing.material.sha256) {
      throw new ApiError(
        'conflict',
        `材料《${filing.material.title}》的原件与入库时的校验值不符，可能已损坏。请先运行完整性检查。`,
      );
    }
    // Store blobs are read-only; the exported copy is the clerk's to move or delete.
    await fs.chmod(target, 0o644);
    lines.push(`${digest}  ${relative}`);
    done += 1;
  }
  await fs.writeFile(path.join(dir, MANIFEST_NAME), lines.length ? `${lines.join('\n')}\n` : '', 'utf8');
  return { files: lines.length, missing };
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** Every file under `dir`, relative with forward slashes, sorted (for a stable zip). */
export async function listFolder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}
