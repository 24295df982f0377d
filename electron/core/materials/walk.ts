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

/** Expand files and folders (recursively, in name order) into the files to import. */
export async function expandPaths(inputs: string[]): Promise<{ files: string[]; failed: FailedFile[] }> {
  const files: string[] = [];
  const failed: FailedFile[] = [];
  const visit = async (p: string, explicit: boolean): Promise<void> => {
    let stat;
    try {
      stat = await fs.stat(p);
    } catch (err) {
      failed.push({ path: p, reason: describeFsError(err) });
      return;
    }
    if (stat.isDirectory()) {
      let names: string[];
      try {
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
