import type { Archive } from '../archive/archive';
import { findOrphans } from './orphans';

/** What the shells print at start-up when opening found something to say. */
export async function describeOpenStatus(archive: Archive): Promise<string[]> {
  const lines: string[] = [];
  const cleared = archive.openReport.tmpEntriesCleared;
  if (cleared > 0) lines.push(`已清理 ${cleared} 处上次未正常结束的程序留下的临时文件（档案库未受影响）。`);
  const orphans = await findOrphans(archive);
  if (orphans.length > 0) {
    lines.push(`存储区有 ${orphans.length} 个未登记的文件（多为导入中断留下）：重新添加同一文件即可补登，或在“四性检测”中移到隔离区。`);
  }
  return lines;
}
