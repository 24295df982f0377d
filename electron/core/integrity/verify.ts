import fs from 'node:fs/promises';
import { formatName, type VerifyCheck, type VerifyProblem, type VerifyReport } from '../../../shared/domain';
import type { Archive } from '../archive/archive';
import { sha256File } from '../store/hash';
import { findOrphans } from './orphans';
import { probeFile } from './probes';
import { itemNumberGaps } from './itemNumbers';
import { buildSections } from './sections';
import { extensionMismatch, typeMismatch } from './typeCheck';

interface BlobRow {
  sha256: string;
  size: number;
  media_type: string;
  page_count: number | null;
  width: number | null;
  height: number | null;
}

interface MaterialRow {
  id: number;
  title: string;
  sha256: string;
  original_name: string;
}

/**
 * 四性检测 after DA/T 70, over every stored file and every material:
 *   authenticity — SHA-256, recorded size, format, page count / pixel size match the file;
 *   integrity    — every row has its file, every file has a row, 件号 without gaps, 题名 filled;
 *   usability    — every file opens as its format;
 *   security     — encryption, macros, PDF JavaScript/Launch, unsafe zips (warnings: kept as filed).
 * `ok` means no errors; warnings are listed for the clerk to look at.
 */
export interface VerifyOptions {
  /** Stored files whose bytes were just proven elsewhere (a restore's manifest): not hashed again. */
  knownHashes?: ReadonlySet<string>;
}

export async function verifyArchive(archive: Archive, options: VerifyOptions = {}): Promise<VerifyReport> {
  const problems: VerifyProblem[] = [];
  const blobs = archive.db.prepare('SELECT sha256, size, media_type, page_count, width, height FROM blob ORDER BY sha256').all() as BlobRow[];
  const materials = archive.db
    .prepare('SELECT id, title, sha256, original_name FROM material WHERE trashed_at IS NULL ORDER BY id')
    .all() as MaterialRow[];
  const stillRegistered = archive.db.prepare('SELECT 1 FROM blob WHERE sha256 = ?');
  const bySha = new Map<string, MaterialRow[]>();
  for (const m of materials) bySha.set(m.sha256, [...(bySha.get(m.sha256) ?? []), m]);
  // The other photos of a 组照 are named by their group (the first one is its own sha256).
  const groupPhotos = archive.db
    .prepare(
      `SELECT m.id, m.title, p.sha256, p.original_name FROM material_photo p JOIN material m ON m.id = p.material_id
       WHERE m.trashed_at IS NULL AND p.sha256 != m.sha256 ORDER BY m.id, p.position`,
    )
    .all() as MaterialRow[];
  for (const p of groupPhotos) bySha.set(p.sha256, [...(bySha.get(p.sha256) ?? []), p]);

  for (const blob of blobs) {
    const owners = bySha.get(blob.sha256) ?? [];
    const file = archive.store.pathFor(blob.sha256);
    const found: VerifyProblem[] = [];
    // One problem per material using the file, so each failing material is named.
    const report = (check: VerifyCheck, severity: VerifyProblem['severity'], what: string) => {
      const targets = owners.length ? owners : [null];
      for (const m of targets) {
        // The clerk reads the material's 题名; the stored file's hashed path stays in `file`, for support.
        const name = m ? `材料《${m.title}》（编号 ${m.id}）` : `一个未归入材料的${formatName(blob.media_type)}`;
        found.push({ check, severity, materialId: m?.id ?? null, title: m?.title ?? null, sha256: blob.sha256, file, message: `${name}：${what}` });
      }
    };
    try {
      await checkBlob({
        blob,
        file,
        owners,
        report,
        knownHash: options.knownHashes?.has(blob.sha256) ?? false,
        warnOne: (m, message) =>
          found.push({ check: 'authenticity', severity: 'warning', materialId: m.id, title: m.title, sha256: blob.sha256, file, message: `材料《${m.title}》（编号 ${m.id}）：${message}` }),
      });
    } catch {
      // Isolated per file: whatever went wrong here, the check of the others goes on.
      report('usability', 'error', '检查此文件时出错，未能完成检查（文件可能已损坏）');
    }
    // Another process may have purged the file while it was checked (gone, cut off mid-read):
    // only a file still registered afterwards has problems.
    if (found.length > 0 && stillRegistered.get(blob.sha256)) problems.push(...found);
  }

  for (const sha of await findOrphans(archive)) {
    const file = archive.store.pathFor(sha);
    problems.push({
      check: 'integrity',
      severity: 'warning',
      materialId: null,
      title: null,
      sha256: sha,
      file,
      message: '存储区有一个未登记的文件（多为导入中断留下；重新添加同一文件即可补登，或在四性检测中隔离）',
    });
  }
  for (const m of materials) {
    if (m.title.trim() === '') {
      problems.push({ check: 'integrity', severity: 'error', materialId: m.id, title: null, sha256: m.sha256, file: archive.store.pathFor(m.sha256), message: `材料（编号 ${m.id}，原文件名 ${m.original_name}）缺少题名` });
    }
  }
  problems.push(...itemNumberGaps(archive.db));

  const errors = problems.filter((p) => p.severity === 'error').length;
  return {
    ok: errors === 0,
    archivePath: archive.root,
    checkedAt: new Date().toISOString(),
    filesChecked: blobs.length,
    materialsChecked: materials.length,
    sections: buildSections(problems, blobs.length, materials.length),
    problems,
  };
}

type Report = (check: VerifyCheck, severity: VerifyProblem['severity'], what: string) => void;

/** Every check of one stored file; the owners are the materials that show it. */
interface BlobCheck {
  blob: BlobRow;
  file: string;
  /** The materials that show it (none: a file only a 组照 photo or nothing refers to). */
  owners: MaterialRow[];
  report: Report;
  knownHash: boolean;
  /** A warning about one material only (the others using the file are not concerned). */
  warnOne: (m: MaterialRow, message: string) => void;
}

/** Every check of one stored file. */
async function checkBlob({ blob, file, owners, report, knownHash, warnOne }: BlobCheck): Promise<void> {
  const stat = await fs.stat(file).catch(() => null);
  if (!stat) {
    report('integrity', 'error', '原始文件缺失');
    return;
  }
  // Altered bytes say it all: opening the altered file as its format would only add noise.
  if (!knownHash && (await sha256File(file)) !== blob.sha256) {
    report('authenticity', 'error', '文件内容已被改动（SHA-256 与登记不符）');
    return;
  }
  if (stat.size !== blob.size) report('authenticity', 'error', `文件大小与登记不符（登记 ${blob.size} 字节，实际 ${stat.size} 字节）`);
  const mismatch = await typeMismatch(file, blob.media_type);
  if (mismatch) report('authenticity', 'error', mismatch);
  for (const m of owners) {
    const lying = extensionMismatch(m.original_name, blob.media_type);
    if (lying) warnOne(m, lying);
  }
  const probe = await probeFile(file, blob.media_type, owners[0]?.original_name ?? '');
  if (probe.unusable) {
    report('usability', 'error', probe.unusable);
  } else {
    if (probe.unchecked) report('usability', 'warning', `未能检查：${probe.unchecked}`);
    if (probe.damage) report('usability', 'warning', probe.damage);
    if (blob.page_count !== null && probe.pageCount != null && probe.pageCount !== blob.page_count) {
      report('authenticity', 'error', `页数与登记不符（登记 ${blob.page_count} 页，文件 ${probe.pageCount} 页）`);
    }
    if (blob.width !== null && probe.width != null && (probe.width !== blob.width || probe.height !== blob.height)) {
      report('authenticity', 'error', `图片尺寸与登记不符（登记 ${blob.width}×${blob.height}，文件 ${probe.width}×${probe.height}）`);
    }
  }
  for (const finding of probe.security) report('security', 'warning', finding);
}
