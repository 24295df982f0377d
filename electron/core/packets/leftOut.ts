import fs from 'node:fs';
import type { ExportLeftOut } from '../../../shared/domain';
import type { Archive } from '../archive/archive';
import { listMaterials } from '../materials/listing';
import { packetGaps } from './gapReport';
import { reasons } from './pdf/labels';
import type { PacketOptions } from './exportPacket';
import { isPrintedSource, type PacketPlan } from './plan';

/**
 * Before an export, what it will not show: materials outside the chosen indicators, 测评小项
 * without material, and filings that will become a placeholder page (by kind, a missing
 * original, an encrypted PDF, no PDF converter). Damage found only while merging is reported by
 * the export itself.
 */
export function leftOutSummary(archive: Archive, plan: PacketPlan, options: PacketOptions, rendererProblem: string | null): ExportLeftOut {
  const inPacket = new Set(plan.filings.map((f) => f.material.id));
  const unfiled = listMaterials(archive.db, plan.dossier.id)
    .filter((m) => !inPacket.has(m.id))
    .map((m) => ({
      materialId: m.id,
      title: m.title,
      reason: m.indicatorIds.length === 0 ? '尚未归入任何指标' : '所归指标或材料不在本方案所选范围内',
    }));
  const gaps = packetGaps(plan).map(({ section, shown }) => ({
    indicatorId: section.indicator.id,
    code: section.indicator.code,
    title: section.indicator.title,
    shown,
  }));
  const placeholders: ExportLeftOut['placeholders'] = [];
  if (options.pdf || options.online) {
    const seen = new Set<number>();
    for (const f of plan.filings) {
      if (seen.has(f.material.id)) continue;
      seen.add(f.material.id);
      const reason =
        f.source.type === 'placeholder'
          ? reasons[f.source.reason]
          : f.source.type === 'media'
            ? reasons.media
            : !fs.existsSync(archive.store.pathFor(f.material.sha256))
            ? reasons.missing
            : f.source.type === 'pdf' && !f.material.mergeable
              ? 'PDF 已加密：只有权限密码时照常合并，设有打开密码则以说明页代替'
              : rendererProblem && isPrintedSource(f.source)
                ? reasons.noRenderer
                : null;
      if (reason) placeholders.push({ materialId: f.material.id, title: f.material.title, reason });
    }
  }
  return { unfiled, gaps, placeholders };
}
