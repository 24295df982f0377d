// Both sides changed a material: the lead edited it after the unit's last version was applied,
// and the unit sent a newer one. The lead's stays in use; the unit's waits in material_conflict
// until the lead chooses — 采用单位版本 applies it as an import would, 保留本方版本 records it
// as seen, so the same version is not offered again. Both choices go to the change log.
import type { SubmittedMaterial, SubmittedPhoto } from '../../../shared/api/bundleFormat';
import { materialFieldLabels, type Material, type MaterialFields, type VersionConflict } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { Db } from '../archive/database';
import { audit } from '../audit/auditLog';
import { listIndicators } from '../indicators/repo';
import { getMaterial } from '../materials/repo';
import { systemOf } from './assignment';
import { appliedAt, applyUnitVersion, markPending, type UnitVersion } from './applyVersion';

interface ConflictRow {
  material_id: number;
  unit: string;
  version: string;
  fields: string;
  indicators: string;
  photos: string | null;
  received_at: string;
}

const unitVersion = (row: ConflictRow): UnitVersion => ({
  fields: JSON.parse(row.fields) as MaterialFields,
  indicators: JSON.parse(row.indicators) as string[],
  ...(row.photos ? { photos: JSON.parse(row.photos) as SubmittedPhoto[] } : {}),
});

export function holdConflict(db: Db, materialId: number, unit: string, submissionId: number, m: SubmittedMaterial, now: string): void {
  db.prepare(
    `INSERT INTO material_conflict (material_id, unit, submission_id, version, fields, indicators, photos, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (material_id, unit) DO UPDATE SET submission_id = excluded.submission_id, version = excluded.version, fields = excluded.fields,
       indicators = excluded.indicators, photos = excluded.photos, received_at = excluded.received_at`,
  ).run(materialId, unit, submissionId, m.version, JSON.stringify(m.fields), JSON.stringify(m.indicators), m.photos ? JSON.stringify(m.photos) : null, now);
}

/** The dossier's waiting conflicts, each with the fields where the two versions differ. */
export function listConflicts(db: Db, dossierId: number): VersionConflict[] {
  const rows = db
    .prepare('SELECT c.* FROM material_conflict c JOIN material m ON m.id = c.material_id WHERE m.dossier_id = ? AND m.trashed_at IS NULL ORDER BY c.received_at, c.material_id')
    .all(dossierId) as ConflictRow[];
  const codes = new Map(listIndicators(db, systemOf(db, dossierId)).map((i) => [i.id, i.code]));
  return rows.map((row) => {
    const lead = getMaterial(db, row.material_id);
    const theirs = unitVersion(row);
    const differences: VersionConflict['differences'] = [];
    for (const key of Object.keys(materialFieldLabels) as (keyof MaterialFields)[]) {
      const mine = String(lead[key] ?? '');
      const other = String(theirs.fields[key] ?? '');
      if (mine !== other) differences.push({ field: materialFieldLabels[key], lead: mine, unit: other });
    }
    const leadCodes = lead.indicatorIds.map((id) => codes.get(id) ?? '').filter(Boolean).sort().join('、');
    const unitCodes = [...theirs.indicators].sort().join('、');
    if (leadCodes !== unitCodes) differences.push({ field: '所属指标', lead: leadCodes, unit: unitCodes });
    if (theirs.photos) {
      const describe = (photos: { caption: string; originalName: string }[]) => photos.map((p, i) => `${i + 1}. ${p.originalName}${p.caption ? `：${p.caption}` : ''}`).join('\n');
      const mine = describe(lead.photos);
      const other = describe(theirs.photos);
      if (mine !== other) differences.push({ field: '组照照片', lead: mine, unit: other });
    }
    return { materialId: row.material_id, unit: row.unit, title: lead.title, receivedAt: row.received_at, differences };
  });
}

export function resolveConflict(db: Db, input: { materialId: number; unit?: string; take: 'unit' | 'lead' }): Material {
  return db.transaction(() => {
    const rows = db.prepare('SELECT * FROM material_conflict WHERE material_id = ?').all(input.materialId) as ConflictRow[];
    const title = () => getMaterial(db, input.materialId).title;
    if (rows.length === 0) throw new ApiError('not_found', `材料 ${input.materialId}《${title()}》没有待选择的版本冲突`);
    const row = input.unit === undefined ? (rows.length === 1 ? rows[0] : null) : rows.find((r) => r.unit === input.unit);
    if (!row) {
      throw new ApiError('bad_input', input.unit === undefined ? `材料 ${input.materialId} 有多个单位的版本（${rows.map((r) => r.unit).join('、')}），请指定单位` : `材料 ${input.materialId} 没有“${input.unit}”的待选版本`);
    }
    const now = new Date().toISOString();
    if (input.take === 'unit') {
      const dossierId = getMaterial(db, input.materialId).dossierId;
      const codes = new Map(listIndicators(db, systemOf(db, dossierId)).map((i) => [i.code, i.id]));
      applyUnitVersion(db, input.materialId, unitVersion(row), codes, true);
      markPending(db, input.materialId, now);
    }
    // Either way this version is settled: a later bundle repeating it changes nothing.
    db.prepare('UPDATE material_provenance SET version = ?, applied_at = ? WHERE material_id = ? AND unit = ?').run(row.version, appliedAt(db, input.materialId, now), input.materialId, row.unit);
    db.prepare('DELETE FROM material_conflict WHERE material_id = ? AND unit = ?').run(input.materialId, row.unit);
    audit(db, 'conflict.resolve', 'material', input.materialId, { message: input.take === 'unit' ? `采用${row.unit}报送的版本` : `保留本方版本（未采用${row.unit}报送的版本）`, unit: row.unit });
    return getMaterial(db, input.materialId);
  })();
}
