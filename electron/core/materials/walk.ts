import fs from 'node:fs/promises';
import path from 'node:path';
import type { FailedFile } from '../../../shared/domain';
import { describeFsError } from './fsErrors';

/** System litter that clerks never mean to file. */
const ignoredNames = new Set(['thumbs.db', 'desktop.ini', '.ds_store']);

function isIgnored(name: string): boolean {
  const lower = name.toLowerCase();
  return ignoredNames.has(lower) || lower.startsWith('~$') || lower.startsWith('._');
}

const LINK_SKIPPED = '是快捷链接（符号链接或目录联接），可能指向所选文件夹以外或造成循环，已跳过；如需添加，请直接选择它指向的文件或文件夹';

/**
 * Expand files and folders (recursively, in name order) into the files to import. What the
 * clerk chose is followed even when it is a link; inside a chosen folder, links and junctions
 * are skipped (a loop would never end, and a link may lead anywhere on the disk), and a folder
 * reached twice by its real path (a bind mount, say) is walked once.
 */
export async function expandPaths(inputs: string[]): Promise<{ files: string[]; failed: FailedFile[] }> {
  const files: string[] = [];
  const failed: FailedFile[] = [];
  const walked = new Set<string>();
  const visit = async (p: string, explicit: boolean): Promise<void> => {
    let stat;
    try {
      if (!explicit && (await fs.lstat(p)).isSymbolicLink()) {
        failed.push({ path: p, reason: LINK_SKIPPED });
        return;
      }
      stat = await fs.stat(p);
    } catch (err) {
      failed.push({ path: p, reason: describeFsError(err) });
      return;
    }
    if (stat.isDirectory()) {
      let names: string[];
      try {
        // Some mapped, RAM or virtual drives cannot say their real path: the path itself stands in.
        const real = await fs.realpath(p).catch(() => path.resolve(p));
        if (walked.has(real)) return;
        walked.add(real);
        names = await fs.readdir(p);
      } catch (err) {
        failed.push({ path: p, reason: describeFsError(err) });
        return;
      }
      names.sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }));
      for (const name of names) {
        if (!isIgnored(name)) await visit(path.join(p, name), false);
      }
    } else if (stat.isFile()) {
      if (explicit || !isIgnored(path.basename(p))) files.push(p);
    } else {
      failed.push({ path: p, reason: '不是普通文件（可能是设备或管道），已跳过' });
    }
  };
  for (const input of inputs) await visit(path.resolve(input), true);
  return { files, failed };
}
