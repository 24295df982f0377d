import { packetDefinitionSchema } from '../../../shared/api/packets';
import type { ArchivalParts, Material } from '../../../shared/domain';
import type { Archive } from '../archive/archive';
import type { Db } from '../archive/database';
import { buildPlan } from '../packets/plan';
import { audit } from '../audit/auditLog';
import { getDossier } from '../dossiers/repo';
import { getMaterial } from '../materials/repo';
import { classParts, formatArchivalCode, itemText } from './archivalCode';

/**
 * 归档: give materials their 件号 and 档号 by the dossier's rule, in the order given (a packet's
 * order on its first export). 件号 count within a class, the 档号 without its 件号 (DA/T 22:
 * within 年度 and 保管期限), from 1 without gaps; a number once given is never given again, even
 * after its material is purged (item_number_high_water; a purge records it in
 * item_number_void, see migration 6). Materials numbered already keep their 档号. Returns the
 * materials numbered now.
 */
export function assignItemNumbers(db: Db, dossierId: number, materialIds: number[], now = new Date()): Material[] {
  return db.transaction(() => {
    const dossier = getDossier(db, dossierId);
    const rule = dossier.archivalRule;
    const highWater = db.prepare('SELECT value FROM item_number_high_water WHERE dossier_id = ? AND archival_class = ?').pluck();
    const highestUsed = db
      .prepare(
        `SELECT max(n) FROM (SELECT max(item_number) AS n FROM material WHERE dossier_id = @d AND archival_class = @c
         UNION ALL SELECT max(item_number) FROM item_number_void WHERE dossier_id = @d AND archival_class = @c)`,
      )
      .pluck();
    const raise = db.prepare(
      `INSERT INTO item_number_high_water (dossier_id, archival_class, value) VALUES (?, ?, ?)
       ON CONFLICT(dossier_id, archival_class) DO UPDATE SET value = max(value, excluded.value)`,
    );
    const store = db.prepare(
      `UPDATE material SET item_number = @n, archival_class = @class, archival_code = @code, archival_parts = @parts, archived_at = @at
       WHERE id = @id AND item_number IS NULL`,
    );
    const numbered: Material[] = [];
    for (const id of [...new Set(materialIds)]) {
      const material = getMaterial(db, id);
      if (material.itemNumber !== null || material.dossierId !== dossierId || material.trashedAt) continue;
      const parts = classParts(rule, material, dossier, now);
      const archivalClass = formatArchivalCode(rule.pattern, parts);
      const last = Math.max((highWater.get(dossierId, archivalClass) as number | undefined) ?? 0, (highestUsed.get({ d: dossierId, c: archivalClass }) as number | null) ?? 0);
      const n = last + 1;
      const full: ArchivalParts = { ...parts, item: itemText(rule, n) };
      const code = formatArchivalCode(rule.pattern, full);
      store.run({ n, class: archivalClass, code, parts: JSON.stringify(full), at: now.toISOString(), id });
      raise.run(dossierId, archivalClass, n);
      audit(db, 'number', 'material', id, { message: `归档：件号 ${full.item}，档号 ${code}`, itemNumber: n, archivalCode: code });
      numbered.push(getMaterial(db, id));
    }
    return numbered;
  })();
}

/** Every material filed under an indicator and not numbered yet, in whole-packet order. */
export function numberFiledMaterials(archive: Archive, dossierId: number): Material[] {
  const plan = buildPlan(archive, dossierId, packetDefinitionSchema.parse({}));
  return assignItemNumbers(archive.db, dossierId, plan.filings.map((f) => f.material.id));
}
