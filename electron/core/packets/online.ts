import fs from 'node:fs/promises';
import path from 'node:path';
import type { Indicator, OnlinePdf } from '../../../shared/domain';
import type { Archive } from '../archive/archive';
import type { HtmlRenderer } from '../render/htmlRenderer';
import { fitWindowsName, indicatorFolderName } from './naming';
import { buildPacketPdf } from './pdf/packetPdf';
import { IMAGE_PRESETS, SQUEEZE_PRESETS, type ImagePreset } from './pdf/photo';
import type { LocateOriginal } from './pdf/placeholder';
import { subPlan, type PacketPlan, type PlanSection } from './plan';

export interface OnlineInput {
  plan: PacketPlan;
  /** The whole system, to find each indicator's category when grouping by category. */
  indicators: Indicator[];
  by: 'indicator' | 'category';
  capBytes: number;
  archive: Archive;
  renderer: HtmlRenderer | null;
  locate: LocateOriginal;
  /** The (temporary) folder to write into. */
  dir: string;
  /** Where the folder will be once complete: names are fitted to the Windows path limit from there. */
  root: string;
  signal: AbortSignal;
  progress(done: number, total: number, title: string): void;
}

/** Sections per output file: each indicator with materials, or each category's subtree. */
function groups(input: OnlineInput): { head: Indicator; sections: PlanSection[] }[] {
  const byId = new Map(input.indicators.map((i) => [i.id, i]));
  const rootOf = (i: Indicator): Indicator => {
    let node = i;
    while (node.parentId !== null && byId.has(node.parentId)) node = byId.get(node.parentId)!;
    return node;
  };
  const out = new Map<number, { head: Indicator; sections: PlanSection[] }>();
  for (const section of input.plan.sections) {
    const head = input.by === 'category' ? rootOf(section.indicator) : section.indicator;
    const group = out.get(head.id) ?? { head, sections: [] };
    group.sections.push(section);
    out.set(head.id, group);
  }
  return [...out.values()].filter((g) => g.sections.some((s) => s.filings.length > 0));
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * 网上申报: one PDF per indicator (or category), each under the cap. The packet's own photo
 * quality is tried first, then ever smaller photos; a group that does not fit even with the
 * smallest is reported with the reason and left out, since the portal would refuse it.
 */
export async function exportOnline(input: OnlineInput): Promise<OnlinePdf[]> {
  const list = groups(input);
  const results: OnlinePdf[] = [];
  const own = IMAGE_PRESETS[input.plan.definition.layout.imageQuality];
  const presets: ImagePreset[] = [own, ...[IMAGE_PRESETS.compact, ...SQUEEZE_PRESETS].filter((p) => p.maxPixels < own.maxPixels)];
  let done = 0;
  for (const group of list) {
    input.signal.throwIfAborted();
    input.progress(done, list.length, `${group.head.code} ${group.head.title}`);
    const plan = subPlan(input.plan, group.sections, `${group.head.code} ${group.head.title}`);
    const hasPhotos = plan.filings.some((f) => f.source.type === 'image' || f.source.type === 'photoGroup');
    let best: Uint8Array | null = null;
    for (const preset of presets) {
      best = await (await buildPacketPdf({ ...input, plan, preset, progress: () => undefined })).toBytes();
      if (best.byteLength <= input.capBytes || !hasPhotos) break;
    }
    const bytes = best!.byteLength;
    const base = { indicatorCode: group.head.code, indicatorTitle: group.head.title, bytes };
    if (bytes <= input.capBytes) {
      const file = path.join(input.dir, fitWindowsName(input.root, indicatorFolderName(group.head), '.pdf'));
      await fs.writeFile(file, best!, { flag: 'wx' });
      results.push({ ...base, path: file, fits: true, reason: null });
    } else {
      const fixed = plan.filings.filter((f) => f.source.type === 'pdf').reduce((n, f) => n + f.material.size, 0);
      const why = hasPhotos
        ? `照片已压缩到最小，文件仍有 ${mb(bytes)}，超过上限 ${mb(input.capBytes)}`
        : `文件有 ${mb(bytes)}，超过上限 ${mb(input.capBytes)}，其中没有可压缩的照片`;
      const detail = fixed > 0 ? `（其中 PDF 原件约 ${mb(fixed)}，无法再压缩）` : '';
      results.push({ ...base, path: null, fits: false, reason: `${why}${detail}。请减少该指标的材料、拆分大文件或提高大小上限。` });
    }
    done += 1;
  }
  return results;
}
