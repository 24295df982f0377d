import fs from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../../shared/errors';
import { ONLINE_CATEGORIES, type OnlineCategory } from '../../../shared/domain';
import type { Archive } from '../archive/archive';
import type { HtmlRenderer } from '../render/htmlRenderer';
import { copyHashed } from './folder';
import { minutesPdf } from './minutesPdf';
import { folderFiles } from './naming';
import type { PacketPlan } from './plan';

export const BY_CATEGORY = '按类别';

export interface CategoryExportInput {
  plan: PacketPlan;
  archive: Archive;
  renderer: HtmlRenderer | null;
  /** The 网上申报 (temporary) folder. */
  dir: string;
  /** Where that folder will be once complete (for the Windows path limit). */
  root: string;
  signal: AbortSignal;
}

/**
 * 网上申报 by category, beside the per-indicator PDFs: 按类别/<类别>/<编码 指标>/<档号 题名>, the
 * originals (会议纪要 as its PDF) sorted into 规范文件 / 情况说明 / 实景图片 / 统计表格 / 音视频 by each
 * material's category (the clerk's, else its kind's). Names follow the material folder's rules.
 */
export async function exportOnlineCategories(input: CategoryExportInput): Promise<Record<OnlineCategory, number>> {
  const counts = Object.fromEntries(ONLINE_CATEGORIES.map((c) => [c, 0])) as Record<OnlineCategory, number>;
  const base = path.join(input.dir, BY_CATEGORY);
  for (const filing of input.plan.filings) {
    input.signal.throwIfAborted();
    const category = filing.material.onlineCategory;
    const root = `${input.root}\\${BY_CATEGORY}\\${category}`;
    for (const file of folderFiles(filing, root)) {
      const target = path.join(base, category, ...file.relative.split('/'));
      const source = input.archive.store.pathFor(file.sha256);
      if (!(await fs.access(source).then(() => true, () => false))) continue; // reported by the packet and the folder
      await fs.mkdir(path.dirname(target), { recursive: true });
      if (file.form === 'minutesPdf') {
        if (!input.renderer) continue;
        await fs.writeFile(target, await minutesPdf(input.archive, file.sha256, filing.material.title, input.renderer), { flag: 'wx' });
      } else {
        if ((await copyHashed(source, target, input.signal)) !== file.sha256) {
          throw new ApiError('conflict', `材料《${filing.material.title}》的原件与入库时的校验值不符，可能已损坏。请先运行完整性检查。`);
        }
        await fs.chmod(target, 0o644);
      }
      counts[category] += 1;
    }
  }
  return counts;
}
