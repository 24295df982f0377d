import fs from 'node:fs/promises';
import path from 'node:path';
import type { AddReport } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { thumbnailPath, type Archive } from '../archive/archive';
import { audit } from '../audit/auditLog';
import { detectKind } from './detect';
import { describeFsError } from './fsErrors';
import { inspectFile } from './inspect';
import { linkMaterial } from './links';
import { dateFromFileName, titleFromFileName } from './prefill';
import { findMaterialBySha, getMaterial, reindexMaterial } from './repo';
import { writeThumbnail } from './thumbnails';
import { expandPaths } from './walk';

export interface AddOptions {
  dossierId: number;
  paths: string[];
  indicatorIds: number[];
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, file: string) => void;
}

/**
 * Add files and folders to a dossier. Each file is handled on its own: a bad file gets a
 * reason and the batch goes on. A file becomes a material only after its blob is complete in
 * the store, and the rows for it are written in one transaction.
 */
export async function addMaterials(archive: Archive, options: AddOptions): Promise<AddReport> {
  const { db } = archive;
  if (!db.prepare('SELECT 1 FROM dossier WHERE id = ?').get(options.dossierId)) {
    throw new ApiError('not_found', `档案不存在（编号 ${options.dossierId}）`);
  }
  const { files, failed } = await expandPaths(options.paths);
  const report: AddReport = { added: [], duplicates: [], failed };
  let done = 0;
  for (const file of files) {
    if (options.signal?.aborted) break;
    options.onProgress?.(done, files.length, file);
    try {
      await addOne(archive, options, file, report);
    } catch (err) {
      report.failed.push({ path: file, reason: describeFsError(err) });
    }
    done += 1;
  }
  options.onProgress?.(done, files.length, '');
  return report;
}

async function addOne(archive: Archive, options: AddOptions, file: string, report: AddReport): Promise<void> {
  const { db } = archive;
  const stat = await fs.stat(file);
  if (stat.size === 0) throw new ApiError('bad_input', '文件为空（0 字节）');
  const detected = await detectKind(file);
  const inspection = await inspectFile(file, detected.mediaType, stat.size);
  const blob = await archive.store.putFile(file);

  const existing = findMaterialBySha(db, options.dossierId, blob.sha256);
  if (existing) {
    for (const indicatorId of options.indicatorIds) linkMaterial(db, existing.id, indicatorId);
    report.duplicates.push({
      path: file,
      material: getMaterial(db, existing.id),
      message: describeDuplicate(archive, existing.id, existing.title),
    });
    return;
  }

  let thumbnail = false;
  if (detected.kind === 'photo') {
    await writeThumbnail(archive.store.pathFor(blob.sha256), thumbnailPath(archive, blob.sha256));
    thumbnail = true;
  }

  const now = new Date().toISOString();
  const id = db.transaction(() => {
    db.prepare(
      `INSERT INTO blob (sha256, size, media_type, page_count, width, height, encrypted, thumbnail, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(sha256) DO UPDATE SET thumbnail = max(thumbnail, excluded.thumbnail)`,
    ).run(
      blob.sha256,
      blob.size,
      detected.mediaType,
      inspection.pageCount,
      inspection.width,
      inspection.height,
      inspection.encrypted ? 1 : 0,
      thumbnail ? 1 : 0,
      now,
    );
    const info = db
      .prepare(
        `INSERT INTO material (dossier_id, kind, sha256, original_name, title, date, pages, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        options.dossierId,
        detected.kind,
        blob.sha256,
        path.basename(file),
        titleFromFileName(file),
        dateFromFileName(file),
        inspection.pageCount,
        now,
        now,
      );
    const materialId = Number(info.lastInsertRowid);
    audit(db, 'add', 'material', materialId, { file: path.basename(file), sha256: blob.sha256 });
    for (const indicatorId of options.indicatorIds) linkMaterial(db, materialId, indicatorId);
    reindexMaterial(db, materialId);
    return materialId;
  })();
  report.added.push({ path: file, material: getMaterial(db, id) });
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
