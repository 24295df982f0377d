import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { ApiError } from '../../../shared/errors';
import type { Archive } from '../archive/archive';
import type { HtmlRenderer } from '../render/htmlRenderer';
import { minutesPdf } from './minutesPdf';
import { fittedIndicatorFolder, folderFiles } from './naming';
import type { Filing, PacketPlan } from './plan';

export const MANIFEST_NAME = 'manifest-sha256.txt';

export interface FolderExportInput {
  plan: PacketPlan;
  archive: Archive;
  /** Prints each 会议纪要 as PDF; null when the clerk chose to export without a browser. */
  renderer: HtmlRenderer | null;
  /** The (temporary) folder to fill. */
  dir: string;
  /** Where the folder will be once complete: names are fitted to the Windows path limit from there. */
  root: string;
  signal: AbortSignal;
  progress(done: number, total: number, title: string): void;
}

export interface FolderExportResult {
  files: number;
  /** Filings whose original is missing from the store. */
  missing: Filing[];
  /** Filings exported only in part, with the reason (a 会议纪要 without its PDF). */
  partial: { filing: Filing; reason: string }[];
}

/** Copy while hashing; the copy is what the manifest describes. */
export async function copyHashed(from: string, to: string, signal: AbortSignal): Promise<string> {
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
 * The originals, one folder per indicator (“<编码> <名称>”, empty ones included so gaps show):
 * each document or photo as “<档号> <题名><扩展名>”, each 组照 as a folder of its photos in order,
 * each 会议纪要 as a PDF with its form's data beside it (see naming.ts), and a
 * manifest-sha256.txt in `sha256sum -c` format listing every file. Every copied original is
 * checked against the store's hash.
 */
export async function exportFolder(input: FolderExportInput): Promise<FolderExportResult> {
  const { plan, archive, dir, signal } = input;
  const total = plan.filings.length;
  const lines: string[] = [];
  const missing: Filing[] = [];
  const partial: FolderExportResult['partial'] = [];
  for (const section of plan.sections) {
    await fs.mkdir(path.join(dir, fittedIndicatorFolder(input.root, section.indicator)), { recursive: true });
  }
  let done = 0;
  for (const filing of plan.filings) {
    signal.throwIfAborted();
    input.progress(done, total, filing.material.title);
    await yieldToLoop();
    done += 1;
    const files = folderFiles(filing, input.root);
    const sources = files.map((f) => archive.store.pathFor(f.sha256));
    if (!(await Promise.all(sources.map(exists))).every(Boolean)) {
      missing.push(filing);
      continue;
    }
    for (const [i, file] of files.entries()) {
      const target = path.join(dir, ...file.relative.split('/'));
      await fs.mkdir(path.dirname(target), { recursive: true });
      if (file.form === 'minutesPdf') {
        if (!input.renderer) {
          partial.push({ filing, reason: '本机没有可用的浏览器，会议纪要未生成 PDF，材料文件夹中只有其数据文件' });
          continue;
        }
        const pdf = await minutesPdf(archive, file.sha256, filing.material.title, input.renderer);
        await fs.writeFile(target, pdf, { flag: 'wx' });
        lines.push(`${createHash('sha256').update(pdf).digest('hex')}  ${file.relative}`);
        continue;
      }
      const digest = await copyHashed(sources[i], target, signal);
      if (digest !== file.sha256) {
        throw new ApiError(
          'conflict',
          `材料《${filing.material.title}》的原件与入库时的校验值不符，可能已损坏。请先运行完整性检查。`,
        );
      }
      // Store blobs are read-only; the exported copy is the clerk's to move or delete.
      await fs.chmod(target, 0o644);
      lines.push(`${digest}  ${file.relative}`);
    }
  }
  await fs.writeFile(path.join(dir, MANIFEST_NAME), lines.length ? `${lines.join('\n')}\n` : '', 'utf8');
  return { files: lines.length, missing, partial };
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
