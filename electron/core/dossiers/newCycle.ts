import type { CycleMatch, Indicator, NewCycleReport } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { Db } from '../archive/database';
import { audit } from '../audit/auditLog';
import { getSystem, listIndicators } from '../indicators/repo';
import { createDossier, getDossier } from './repo';
import { nextMaterialId } from '../materials/materialIds';

/** Titles compare without spaces and full-width/half-width punctuation noise. */
const titleKey = (t: string) => t.replace(/[\s，,。.、：:；;（）()“”"]/g, '');

/**
 * Where an old indicator's materials go in the new system: same code and title; else the one
 * item with the same title (codes changed); else the same code (title reworded) — unless that
 * item's title is another old item's, i.e. the code now names something else. The match kind is
 * reported so the clerk can check the last two.
 */
function matcher(previous: Indicator[], next: Indicator[]): (old: Indicator) => { to: Indicator; match: CycleMatch } | null {
  const oldTitles = new Set(previous.map((i) => titleKey(i.title)));
  const byCode = new Map(next.map((i) => [i.code, i]));
  const byTitle = new Map<string, Indicator | null>();
  for (const i of next) byTitle.set(titleKey(i.title), byTitle.has(titleKey(i.title)) ? null : i);
  return (old) => {
    const sameCode = byCode.get(old.code);
    if (sameCode && titleKey(sameCode.title) === titleKey(old.title)) return { to: sameCode, match: 'code_and_title' };
    const sameTitle = byTitle.get(titleKey(old.title));
    if (sameTitle) return { to: sameTitle, match: 'title' };
    if (sameCode && !oldTitles.has(titleKey(sameCode.title))) return { to: sameCode, match: 'code' };
    return null;
  };
}

/**
 * 复核: copy a dossier onto another indicator system (e.g. next year's). Materials are copied as
 * new rows over the same stored files (nothing is duplicated on disk); their links move to the
 * matching indicators; what finds no match stays in the new dossier unfiled and is reported.
 * Trashed materials and the old 自评 are not carried over. One transaction: all or nothing.
 */
export function copyToNewCycle(
  db: Db,
  input: { dossierId: number; systemId: number; name?: string; period?: string },
): NewCycleReport {
  return db.transaction(() => {
    const source = getDossier(db, input.dossierId);
    if (source.systemId === null) throw new ApiError('bad_input', `档案“${source.name}”还没有测评体系，无需复核迁移`);
    const system = getSystem(db, input.systemId);
    const dossier = createDossier(db, {
      name: input.name || `${source.name}（${system.name}）`,
      unit: source.unit,
      period: input.period ?? source.period,
      systemId: system.id,
    });
    db.prepare('UPDATE dossier SET pass_line = ?, archival_rule = (SELECT archival_rule FROM dossier WHERE id = ?) WHERE id = ?').run(
      source.passLine,
      source.id,
      dossier.id,
    );
    const previous = listIndicators(db, source.systemId);
    const oldById = new Map(previous.map((i) => [i.id, i]));
    const find = matcher(previous, listIndicators(db, system.id));

    // Every column but the key, the owner and the 归档 numbers (the new dossier numbers its own
    // materials, from 1, at its first export), so fields added by later migrations come along.
    // A copy is a material of its own: it gets its own uuid (bundles tell materials apart by it).
    const notCopied = new Set(['id', 'uuid', 'dossier_id', 'item_number', 'archival_class', 'archival_code', 'archival_parts', 'archived_at']);
    const columns = (db.prepare('PRAGMA table_info(material)').all() as { name: string }[]).map((c) => c.name).filter((c) => !notCopied.has(c));
    const list = columns.join(', ');
    const copyMaterial = db.prepare(`INSERT INTO material (id, dossier_id, ${list}) SELECT ?, ?, ${list} FROM material WHERE id = ?`);
    // A 组照's photos and captions come along with it.
    const copyPhotos = db.prepare(
      'INSERT INTO material_photo (material_id, position, sha256, original_name, caption) SELECT ?, position, sha256, original_name, caption FROM material_photo WHERE material_id = ?',
    );
    const insertLink = db.prepare(
      'INSERT OR IGNORE INTO material_indicator (material_id, indicator_id, position, note) VALUES (?, ?, ?, ?)',
    );
    const materials = db
      .prepare('SELECT id, title FROM material WHERE dossier_id = ? AND trashed_at IS NULL ORDER BY id')
      .all(source.id) as { id: number; title: string }[];
    const links = db.prepare('SELECT indicator_id, position, note FROM material_indicator WHERE material_id = ? ORDER BY indicator_id');

    const report: NewCycleReport = { dossier, materials: materials.length, linksMoved: [], linksUnmatched: [] };
    for (const m of materials) {
      const copyId = Number(copyMaterial.run(nextMaterialId(db), dossier.id, m.id).lastInsertRowid);
      copyPhotos.run(copyId, m.id);
      for (const l of links.all(m.id) as { indicator_id: number; position: number; note: string }[]) {
        const old = oldById.get(l.indicator_id)!;
        const from = `${old.code} ${old.title}`;
        const found = find(old);
        if (!found) {
          report.linksUnmatched.push({ materialId: copyId, title: m.title, from });
          continue;
        }
        insertLink.run(copyId, found.to.id, l.position, l.note);
        report.linksMoved.push({ materialId: copyId, title: m.title, from, to: `${found.to.code} ${found.to.title}`, match: found.match });
      }
    }
    audit(db, 'new_cycle', 'dossier', dossier.id, {
      from: source.id,
      systemId: system.id,
      materials: materials.length,
      moved: report.linksMoved.length,
      unmatched: report.linksUnmatched.length,
    });
    report.dossier = getDossier(db, dossier.id);
    return report;
  })();
}
