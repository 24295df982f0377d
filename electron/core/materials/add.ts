import { DOCX_MEDIA_TYPE as DOCX } from '../../../shared/domain';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AddReport, AddedFile, DuplicateFile, FailedFile, MediaInfo, PhotoExif } from '../../../shared/domain';
import { ocrStateAtImport } from '../ocr/ocrStore';
import { ApiError } from '../../../shared/errors';
import { thumbnailPath, type Archive } from '../archive/archive';
import { audit } from '../audit/auditLog';
import { readExif } from '../extract/exif';
import { posterFrame } from '../media/frames';
import { readMediaInfo } from '../media/mediaInfo';
import sharp from 'sharp';
import { openPhoto } from '../photos/photoSource';
import { renditionPath, writeRendition } from '../photos/rendition';
import { detectKind, type Detected } from './detect';
import { extractText, hasTextReader, type ExtractedText } from '../extract/extractText';
import { isOfficeToConvert } from '../convert/officeFormats';
import { officeText } from '../convert/officeText';
import { clip, MAX_INDEXED_CHARS } from '../extract/limits';
import { runnableReason } from './executables';
import { readSlice } from '../store/readSlice';
import { describeFsError } from './fsErrors';
import { inspectFile, type Inspection } from './inspect';
import { linkMaterial } from './links';
import { removeBlobIfUnreferenced } from './blobCleanup';
import { forEachLimit } from './pool';
import { docxContentTitle, prefill } from './prefill';
import { findMaterialBySha, getMaterial } from './repo';
import { undecodableImage, writeThumbnail } from './thumbnails';
import { expandPaths } from './walk';
import { nextMaterialId } from './materialIds';

export interface AddOptions {
  dossierId: number;
  paths: string[];
  indicatorIds: number[];
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, file: string) => void;
}

/** Files in flight at once: enough to keep sharp and the hashing busy on every core. */
const CONCURRENCY = Math.max(2, Math.min(4, os.availableParallelism()));

type Outcome = { added: AddedFile } | { duplicate: DuplicateFile } | { failed: FailedFile };


/**
 * Add files and folders to a dossier. Each file is handled on its own: a bad file gets a
 * reason and the batch goes on. A file becomes a material only after its blob is complete in
 * the store, and the rows for it are written in one transaction.
 */
export async function addMaterials(archive: Archive, options: AddOptions): Promise<AddReport> {
  if (!archive.db.prepare('SELECT 1 FROM dossier WHERE id = ?').get(options.dossierId)) {
    throw new ApiError('not_found', `档案不存在（编号 ${options.dossierId}）`);
  }
  const { files, failed } = await expandPaths(options.paths);
  const outcomes: Outcome[] = new Array<Outcome>(files.length);
  let done = 0;
  options.onProgress?.(0, files.length, '');
  await forEachLimit(
    files,
    CONCURRENCY,
    async (file, index) => {
      try {
        outcomes[index] = await addOne(archive, options, file);
      } catch (err) {
        outcomes[index] = { failed: { path: file, reason: describeFsError(err) } };
      }
      done += 1;
      options.onProgress?.(done, files.length, file);
    },
    options.signal,
  );
  const report: AddReport = { added: [], duplicates: [], failed };
  for (const o of outcomes) {
    if (!o) continue; // not started: the import was cancelled
    if ('added' in o) report.added.push(o.added);
    else if ('duplicate' in o) report.duplicates.push(o.duplicate);
    else report.failed.push(o.failed);
  }
  return report;
}

interface Prepared {
  detected: Detected;
  inspection: Inspection;
  exif: PhotoExif | null;
  media: MediaInfo | null;
  contentTitle: string;
  /** Checked derived images (thumbnail, and a JPEG rendition of a HEIC) waiting in tmp/ for the hash. */
  derived: { tmp: string; target: (archive: Archive, sha256: string) => string }[];
}

/** Everything that reads the source and may refuse it, before anything is stored. */
async function prepare(archive: Archive, file: string): Promise<Prepared> {
  const stat = await fs.stat(file);
  if (stat.size === 0) throw new ApiError('bad_input', '文件为空（0 字节）');
  const runnable = runnableReason(file, await readSlice(file, 0, 4096));
  if (runnable) throw new ApiError('bad_input', runnable);
  const detected = await detectKind(file);
  const inspection = await inspectFile(file, detected.mediaType, stat.size);
  const derived: Prepared['derived'] = [];
  let exif: PhotoExif | null = null;
  if (detected.kind === 'photo') {
    try {
      await writeDerivedImages(archive, file, detected.mediaType, derived);
    } catch (err) {
      await removeDerived(derived);
      throw err;
    }
    exif = await readExif(file);
  }
  const media = await readMediaOf(archive, file, detected, derived);
  const contentTitle = detected.mediaType === DOCX ? await docxContentTitle(file) : inspection.title;
  return { detected, inspection, exif, media, contentTitle, derived };
}

/** Video and audio: refused when no stream can be read; a video's poster frame becomes its thumbnail. */
async function readMediaOf(archive: Archive, file: string, detected: Detected, derived: Prepared['derived']): Promise<MediaInfo | null> {
  const isVideo = detected.mediaType.startsWith('video/');
  if (!isVideo && !detected.mediaType.startsWith('audio/')) return null;
  const media = await readMediaInfo(file, isVideo ? '视频' : '音频');
  if (!media || !isVideo || media.width === null) return media;
  const frame = path.join(archive.tmpDir, `${randomUUID()}.jpg`);
  try {
    if (!(await posterFrame(file, media.durationSeconds, frame))) return media;
    const thumb = path.join(archive.tmpDir, `${randomUUID()}.webp`);
    derived.push({ tmp: thumb, target: thumbnailPath });
    await writeThumbnail(sharp(frame), thumb, 'image/jpeg');
    return media;
  } finally {
    await fs.rm(frame, { force: true });
  }
}

/**
 * The photo is decoded once (a HEIC on a worker thread) for its thumbnail and, when browsers
 * cannot show the original, its JPEG rendition for the preview and packets.
 */
async function writeDerivedImages(archive: Archive, file: string, mediaType: string, derived: Prepared['derived']): Promise<void> {
  const photo = await openPhoto(file, 'truncated').catch((err: NodeJS.ErrnoException) => {
    throw err.code ? err : undecodableImage(mediaType);
  });
  const thumb = path.join(archive.tmpDir, `${randomUUID()}.webp`);
  derived.push({ tmp: thumb, target: thumbnailPath });
  await writeThumbnail(photo.image(), thumb, mediaType);
  if (!photo.browserViewable) {
    const view = path.join(archive.tmpDir, `${randomUUID()}.jpg`);
    derived.push({ tmp: view, target: renditionPath });
    await writeRendition(photo.image(), view).catch((err: NodeJS.ErrnoException) => {
      throw err.code ? err : undecodableImage(mediaType);
    });
  }
}

async function removeDerived(derived: Prepared['derived']): Promise<void> {
  await Promise.all(derived.map((d) => fs.rm(d.tmp, { force: true })));
}

/** The same content was purged (by this or another process) between storing and committing. */
class BlobVanished extends Error {}

async function addOne(archive: Archive, options: AddOptions, file: string): Promise<Outcome> {
  const prepared = await prepare(archive, file);
  try {
    for (let attempt = 1; ; attempt += 1) {
      const blob = await archive.store.putFile(file);
      for (const d of prepared.derived) {
        const target = d.target(archive, blob.sha256);
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.rename(d.tmp, target);
      }
      prepared.derived = [];
      // Read before the rows are written: a material is committed with its text (or the reason
      // it has none), never as a row whose extraction is still to come or died with the process.
      const text = await textOf(archive, blob.sha256, blob.size, prepared);
      let outcome: Outcome;
      try {
        outcome = commit(archive, options, file, blob.sha256, blob.size, prepared, text);
      } catch (err) {
        // Store it again: the clerk's file is still there to read.
        if (err instanceof BlobVanished && attempt < 3) continue;
        // Rows rolled back: a file stored just now for them must not stay behind without a row.
        if (!blob.existed) await removeBlobIfUnreferenced(archive, blob.sha256);
        if (err instanceof BlobVanished) throw new ApiError('conflict', '文件在保存时被同时清除，请重新添加');
        throw err;
      }
      return outcome;
    }
  } finally {
    await removeDerived(prepared.derived);
  }
}

/** The stored file's searchable text; null when this content's text was read before. */
async function textOf(archive: Archive, sha256: string, size: number, p: Prepared): Promise<ExtractedText | null> {
  const { mediaType } = p.detected;
  const office = isOfficeToConvert(mediaType);
  if (!office && !hasTextReader(mediaType)) return null;
  const state = archive.db.prepare('SELECT text_state FROM blob WHERE sha256 = ?').pluck().get(sha256) as string | undefined;
  if (state === 'done') return null;
  const read = office
    ? await officeText(archive, sha256, mediaType)
    : p.inspection.bodyText !== undefined
      ? { text: clip(p.inspection.bodyText), failed: false, note: '' }
      : await extractText(archive.store.pathFor(sha256), mediaType, size, p.inspection.pdfText);
  return { ...read, text: read.text.slice(0, MAX_INDEXED_CHARS) };
}

/** One transaction: the duplicate check and the rows, so two equal files in a batch file once. */
function commit(archive: Archive, options: AddOptions, file: string, sha256: string, size: number, p: Prepared, text: ExtractedText | null): Outcome {
  const { db } = archive;
  return db.transaction((): Outcome => {
    const existing = findMaterialBySha(db, options.dossierId, sha256);
    if (existing) {
      // Text read now where an earlier read of this content failed (a busy PC, say) is kept.
      if (text && !text.failed) {
        db.prepare("UPDATE blob SET body_text = ?, text_state = 'done' WHERE sha256 = ? AND text_state <> 'done'").run(text.text, sha256);
      }
      for (const indicatorId of options.indicatorIds) linkMaterial(db, existing.id, indicatorId);
      return {
        duplicate: { path: file, material: getMaterial(db, existing.id), message: describeDuplicate(archive, existing.id, existing.title) },
      };
    }
    // Checked inside the write transaction: a purge moves files only inside its own.
    if (!existsSync(archive.store.pathFor(sha256))) throw new BlobVanished();
    const now = new Date().toISOString();
    const { detected, inspection, exif } = p;
    const { media } = p;
    // A video's poster was moved into place with the blob (addOne), as a photo's thumbnail is.
    const hasThumbnail = detected.kind === 'photo' || (media !== null && existsSync(thumbnailPath(archive, sha256)));
    db.prepare(
      `INSERT INTO blob (sha256, size, media_type, page_count, width, height, encrypted, thumbnail, exif, media, body_text, text_state, ocr_state, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(sha256) DO UPDATE SET thumbnail = max(thumbnail, excluded.thumbnail),
         body_text = iif(blob.text_state = 'done' OR excluded.text_state = 'none', blob.body_text, excluded.body_text),
         text_state = iif(blob.text_state = 'done' OR excluded.text_state = 'none', blob.text_state, excluded.text_state)`,
    ).run(
      sha256,
      size,
      detected.mediaType,
      inspection.pageCount,
      inspection.width ?? media?.width ?? null,
      inspection.height ?? media?.height ?? null,
      inspection.encrypted ? 1 : 0,
      hasThumbnail ? 1 : 0,
      exif ? JSON.stringify(exif) : '',
      media ? JSON.stringify(media) : '',
      text?.text ?? '',
      text ? (text.failed ? 'failed' : 'done') : 'none',
      // A scan waits for the OCR job: the import itself never reads it.
      ocrStateAtImport(detected.mediaType, inspection.pageCount, inspection.encrypted, text ? text.text : null),
      now,
    );
    const fields = prefill(file, { contentTitle: p.contentTitle, exif });
    const info = db
      .prepare(
        `INSERT INTO material (id, dossier_id, kind, sha256, original_name, title, date, pages, photo_time, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(nextMaterialId(db), options.dossierId, detected.kind, sha256, path.basename(file), fields.title, fields.date, inspection.pageCount, fields.photoTime, now, now);
    const materialId = Number(info.lastInsertRowid);
    audit(db, 'add', 'material', materialId, { file: path.basename(file), sha256 });
    for (const indicatorId of options.indicatorIds) linkMaterial(db, materialId, indicatorId);
    const notices = [detected.notice, inspection.notice, inspection.encrypted ? 'PDF 已加密，需要密码才能打开：已保存，但无法合并入迎检资料' : undefined, text?.note].filter(Boolean);
    const added: AddedFile = { path: file, material: getMaterial(db, materialId) };
    if (notices.length) added.notice = notices.join('；');
    return { added };
  })();
}

function describeDuplicate(archive: Archive, materialId: number, title: string): string {
  const codes = archive.db
    .prepare(
      `SELECT i.code FROM material_indicator l JOIN indicator i ON i.id = l.indicator_id
       WHERE l.material_id = ? ORDER BY i.position`,
    )
    .all(materialId) as { code: string }[];
  const where = codes.length ? `，已归入指标 ${codes.map((c) => c.code).join('、')}` : '，尚未归类';
  return `档案中已有相同内容的材料《${title}》${where}`;
}
