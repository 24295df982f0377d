// Receiving a 报送包 (lead). Three steps: (1) the bundle is proven whole and judged — its dossier,
// its unit in the register, its signer against the key pinned at the unit's first bundle, its
// round against those imported — and each material classified, with nothing written; (2) the
// new originals go into the store through the same checks as adding files (a refused file is
// named and the rest go on); (3) one transaction records the submission, 提供单位, the unit's
// fields and links, and 待审 for what is new or changed. Importing the same bundle again
// changes nothing; a crash before (3) leaves only ordinary materials, which a second import
// finds as duplicates and completes.
import fs from 'node:fs/promises';
import path from 'node:path';
import { submissionBundleSchema, type SubmissionBundle, type SubmittedMaterial } from '../../../shared/api/bundleFormat';
import type { ReceivedItem, SubmissionImportResult } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { Archive } from '../archive/archive';
import type { Db } from '../archive/database';
import { audit } from '../audit/auditLog';
import { getMaterial } from '../materials/repo';
import { listIndicators } from '../indicators/repo';
import { assignedIndicators, systemOf } from './assignment';
import { keyFingerprint } from './fingerprint';
import { appliedAt, applyUnitVersion, markPending, syncLinks } from './applyVersion';
import { holdConflict } from './conflicts';
import { discard, existingCopy, landMaterial } from './landing';
import { assertOriginals, openBundle } from './readBundle';

export interface ReceiveOptions {
  /** The clerk confirmed that the unit's key changed (a new PC, say). */
  acceptNewKey?: boolean;
  /** Prove and judge the bundle and list what 确认 would do; write nothing. */
  preview?: boolean;
  /** Cancelled: stops before the records are written, and what was stored for it goes again. */
  signal?: AbortSignal;
  onProgress?: (fraction: number, message: string) => void;
}

type Plan =
  | { kind: 'new'; m: SubmittedMaterial }
  | { kind: 'changed'; m: SubmittedMaterial; materialId: number; conflict: boolean }
  | { kind: 'unchanged'; m: SubmittedMaterial };

export async function receiveSubmission(archive: Archive, file: string, options: ReceiveOptions = {}): Promise<SubmissionImportResult> {
  const source = `报送包 ${file}`;
  const progress = options.onProgress ?? (() => undefined);
  progress(0, '正在检查报送包…');
  const opened = await openBundle(file, '报送包', submissionBundleSchema, archive.tmpDir, {}, {
    signal: options.signal,
    onStaged: (done, total) => progress(0.5 * (done / total), `正在核对原始文件 ${done}/${total}`),
  });
  try {
    if (options.preview) return previewOf(archive, opened.payload, options, source);
    const bundle = opened.payload;
    const { db } = archive;
    const dossierId = db.prepare('SELECT id FROM dossier WHERE uuid = ?').pluck().get(bundle.dossier.uuid) as number | undefined;
    if (dossierId === undefined) throw new ApiError('bad_input', `${source} 属于另一个档案（不是本档案库下发的任务），已拒绝导入`);
    const result = emptyResult(bundle);
    if (db.prepare('SELECT 1 FROM submission WHERE bundle_id = ?').get(bundle.bundleId)) return { ...result, alreadyImported: true, unchanged: bundle.materials.length };
    judge(db, bundle, source, options);
    assertOriginals(opened, bundle.materials.flatMap((m) => [m, ...(m.photos ?? [])]), source);

    const codes = new Map(listIndicators(db, systemOf(db, dossierId)).map((i) => [i.code, i.id]));
    const mine = new Set(assignedIndicators(listIndicators(db, systemOf(db, dossierId)), bundle.unit.name).map((i) => i.code));
    const plans = bundle.materials.map((m) => plan(db, bundle.unit.name, m));

    // Step 2: originals into the store, named as the unit named them.
    const landed = new Map<SubmittedMaterial, { id: number; duplicate: boolean }>();
    const folder = path.join(archive.tmpDir, `receive-${bundle.bundleId}`);
    const fresh = plans.filter((p) => p.kind === 'new');
    try {
      for (const [index, p] of fresh.entries()) {
        options.signal?.throwIfAborted();
        progress(0.5 + 0.45 * (index / fresh.length), `正在归入档案 ${index + 1}/${fresh.length}：${p.m.fields.title}`);
        const landing = await landMaterial(archive, dossierId, p.m, opened.staged, path.join(folder, String(index)));
        if ('refused' in landing) result.refused.push({ title: p.m.fields.title, originalName: p.m.originalName, reason: landing.refused });
        else landed.set(p.m, landing);
      }
      options.signal?.throwIfAborted();
    } catch (err) {
      // Cancelled (or failed) before the records: the materials stored for this bundle go again.
      await discard(archive, [...landed.values()].filter((l) => !l.duplicate).map((l) => l.id));
      throw err;
    } finally {
      await fs.rm(folder, { recursive: true, force: true });
    }
    progress(0.95, '正在写入报送记录…');

    // Step 3: one transaction for every record of this submission.
    return db.transaction((): SubmissionImportResult => {
      const now = new Date().toISOString();
      pinKey(db, bundle, options);
      const submissionId = Number(
        db.prepare('INSERT INTO submission (dossier_id, unit, bundle_id, round, created_at, imported_at, file_name) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(dossierId, bundle.unit.name, bundle.bundleId, bundle.round, bundle.createdAt, now, path.basename(file)).lastInsertRowid,
      );
      const provenance = db.prepare(
        `INSERT INTO material_provenance (material_id, unit, remote_uuid, version, submission_id, submitted_at, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (material_id, unit) DO UPDATE SET remote_uuid = excluded.remote_uuid, version = excluded.version, submission_id = excluded.submission_id, submitted_at = excluded.submitted_at, applied_at = excluded.applied_at`,
      );
      const item = (materialId: number, m: SubmittedMaterial): ReceivedItem => ({ materialId, title: getMaterial(db, materialId).title, indicators: m.indicators });
      for (const p of plans) {
        if (p.kind === 'unchanged') {
          result.unchanged += 1;
          continue;
        }
        if (p.kind === 'changed' && p.conflict) {
          holdConflict(db, p.materialId, bundle.unit.name, submissionId, p.m, now);
          audit(db, 'conflict', 'material', p.materialId, { message: `${bundle.unit.name} 第 ${bundle.round} 次报送修改了本方也改过的材料，待选择采用哪一版`, unit: bundle.unit.name, submissionId });
          result.conflicts.push(item(p.materialId, p.m));
          continue;
        }
        const landing = p.kind === 'changed' ? { id: p.materialId, duplicate: false } : landed.get(p.m);
        if (landing === undefined) continue; // refused in step 2
        const { id: materialId, duplicate } = landing;
        // A duplicate keeps the fields it has (the lead's, or the first unit's): only links are added.
        if (duplicate) syncLinks(db, materialId, p.m.indicators, codes, false);
        else applyUnitVersion(db, materialId, p.m, codes, p.kind === 'changed');
        // The unit replaced the file under the same material: the newest content carries its identity.
        db.prepare('DELETE FROM material_provenance WHERE unit = ? AND remote_uuid = ? AND material_id <> ?').run(bundle.unit.name, p.m.uuid, materialId);
        provenance.run(materialId, bundle.unit.name, p.m.uuid, p.m.version, submissionId, bundle.createdAt, appliedAt(db, materialId, now));
        markPending(db, materialId, now, !duplicate);
        audit(db, 'receive', 'material', materialId, { message: `${bundle.unit.name} 第 ${bundle.round} 次报送`, unit: bundle.unit.name, submissionId });
        const received = item(materialId, p.m);
        if (p.kind === 'changed') result.changed.push(received);
        else if (duplicate) result.duplicates.push({ ...received, providedBy: providers(db, materialId) });
        else result.added.push(received);
        if (p.m.indicators.length === 0 || p.m.indicators.some((c) => !mine.has(c))) result.outsideAssignment.push(received);
      }
      for (const uuid of bundle.withdrawn) {
        const row = db.prepare('SELECT material_id AS id FROM material_provenance WHERE unit = ? AND remote_uuid = ?').get(bundle.unit.name, uuid) as { id: number } | undefined;
        if (!row) continue;
        audit(db, 'withdrawn', 'material', row.id, { message: `${bundle.unit.name} 撤回了此材料`, unit: bundle.unit.name });
        result.withdrawn.push({ materialId: row.id, title: getMaterial(db, row.id).title, indicators: [] });
      }
      const summary = { added: result.added.length, duplicates: result.duplicates.length, changed: result.changed.length, outsideAssignment: result.outsideAssignment.length, refused: result.refused.length, withdrawn: result.withdrawn.length };
      db.prepare('UPDATE submission SET summary = ? WHERE id = ?').run(JSON.stringify(summary), submissionId);
      audit(db, 'submission.import', 'dossier', dossierId, { unit: bundle.unit.name, round: bundle.round, ...summary });
      return { ...result, submissionId };
    })();
  } finally {
    await opened.close();
  }
}

/**
 * What importing would do, from the same checks and classification; materials not stored yet
 * have materialId 0. A duplicate is content the dossier already holds (named with its material).
 */
function previewOf(archive: Archive, bundle: SubmissionBundle, options: ReceiveOptions, source: string): SubmissionImportResult {
  const { db } = archive;
  const dossierId = db.prepare('SELECT id FROM dossier WHERE uuid = ?').pluck().get(bundle.dossier.uuid) as number | undefined;
  if (dossierId === undefined) throw new ApiError('bad_input', `${source} 属于另一个档案（不是本档案库下发的任务），已拒绝导入`);
  const result = emptyResult(bundle);
  if (db.prepare('SELECT 1 FROM submission WHERE bundle_id = ?').get(bundle.bundleId)) return { ...result, alreadyImported: true, unchanged: bundle.materials.length };
  judge(db, bundle, source, options);
  const mine = new Set(assignedIndicators(listIndicators(db, systemOf(db, dossierId)), bundle.unit.name).map((i) => i.code));
  for (const p of bundle.materials.map((m) => plan(db, bundle.unit.name, m))) {
    if (p.kind === 'unchanged') {
      result.unchanged += 1;
      continue;
    }
    const same = p.kind === 'new' ? existingCopy(db, dossierId, p.m) : null;
    const item: ReceivedItem = { materialId: p.kind === 'changed' ? p.materialId : (same ?? 0), title: p.m.fields.title, indicators: p.m.indicators };
    if (p.kind === 'changed') (p.conflict ? result.conflicts : result.changed).push(item);
    else if (same) result.duplicates.push({ ...item, providedBy: providers(db, same) });
    else result.added.push(item);
    if (p.m.indicators.length === 0 || p.m.indicators.some((c) => !mine.has(c))) result.outsideAssignment.push(item);
  }
  for (const uuid of bundle.withdrawn) {
    const id = db.prepare('SELECT material_id FROM material_provenance WHERE unit = ? AND remote_uuid = ?').pluck().get(bundle.unit.name, uuid) as number | undefined;
    if (id !== undefined) result.withdrawn.push({ materialId: id, title: getMaterial(db, id).title, indicators: [] });
  }
  return result;
}

function emptyResult(bundle: SubmissionBundle): SubmissionImportResult {
  return { submissionId: null, unit: bundle.unit.name, round: bundle.round, alreadyImported: false, added: [], duplicates: [], changed: [], unchanged: 0, outsideAssignment: [], withdrawn: [], conflicts: [], refused: [] };
}

/** Refusals that concern the whole bundle: unit, key, round. */
function judge(db: Db, bundle: SubmissionBundle, source: string, options: ReceiveOptions): void {
  const unit = bundle.unit.name;
  if (!db.prepare('SELECT 1 FROM responsible_unit WHERE name = ?').get(unit)) throw new ApiError('bad_input', `${source} 来自“${unit}”，该单位不在责任单位登记册中，已拒绝导入`);
  const pinned = db.prepare('SELECT public_key FROM unit_key WHERE unit = ?').pluck().get(unit) as string | undefined;
  if (pinned && pinned !== bundle.signer.publicKey && !options.acceptNewKey) {
    throw new ApiError(
      'bad_input',
      `${source} 的签名密钥（指纹 ${keyFingerprint(bundle.signer.publicKey)}）与“${unit}”首次报送时登记的（${keyFingerprint(pinned)}）不同，已拒绝导入；核实确为该单位更换了电脑后，可确认接受新密钥（--accept-new-key）`,
    );
  }
  const last = db.prepare('SELECT max(round) FROM submission WHERE unit = ?').pluck().get(unit) as number | null;
  if (last !== null && bundle.round <= last) throw new ApiError('bad_input', `${source} 是“${unit}”的第 ${bundle.round} 次报送，不晚于已导入的第 ${last} 次，已拒绝导入`);
}

function pinKey(db: Db, bundle: SubmissionBundle, options: ReceiveOptions): void {
  const pinned = db.prepare('SELECT public_key FROM unit_key WHERE unit = ?').pluck().get(bundle.unit.name) as string | undefined;
  if (pinned === bundle.signer.publicKey) return;
  if (pinned && !options.acceptNewKey) throw new ApiError('conflict', `“${bundle.unit.name}”的签名密钥在导入过程中变了，请重新导入`);
  db.prepare('INSERT INTO unit_key (unit, public_key, pinned_at) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET public_key = excluded.public_key, pinned_at = excluded.pinned_at').run(bundle.unit.name, bundle.signer.publicKey, new Date().toISOString());
  audit(db, pinned ? 'unit.key_changed' : 'unit.key_pinned', 'unit', null, { unit: bundle.unit.name, fingerprint: keyFingerprint(bundle.signer.publicKey) });
}

function plan(db: Db, unit: string, m: SubmittedMaterial): Plan {
  const known = db.prepare('SELECT p.material_id AS id, p.version, p.applied_at AS appliedAt, m.updated_at AS updatedAt, m.sha256 FROM material_provenance p JOIN material m ON m.id = p.material_id WHERE p.unit = ? AND p.remote_uuid = ?').get(unit, m.uuid) as
    | { id: number; version: string; appliedAt: string; updatedAt: string; sha256: string }
    | undefined;
  if (!known) return { kind: 'new', m };
  if (known.version === m.version) return { kind: 'unchanged', m };
  // A 组照 is the same content while it has the same photos, in whatever order and with whatever captions.
  const content = (shas: string[]) => [...shas].sort().join();
  const photosOf = () => db.prepare('SELECT sha256 FROM material_photo WHERE material_id = ?').pluck().all(known.id) as string[];
  if (m.photos ? content(photosOf()) !== content(m.photos.map((p) => p.sha256)) : known.sha256 !== m.sha256) return { kind: 'new', m };
  // The lead edited it after the unit's version was applied: the lead's stays until chosen.
  return { kind: 'changed', m, materialId: known.id, conflict: known.updatedAt > known.appliedAt };
}

/** The units that sent this content, in the order they first did. */
export function providers(db: Db, materialId: number): string[] {
  return db.prepare('SELECT unit FROM material_provenance WHERE material_id = ? ORDER BY rowid').pluck().all(materialId) as string[];
}
