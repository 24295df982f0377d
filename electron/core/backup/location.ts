import fs from 'node:fs/promises';
import path from 'node:path';
import type { BackupInfo } from '../../../shared/domain';

/** Beside the archive, not inside it: a backup must survive the archive folder being lost. */
export function defaultBackupDir(archiveRoot: string): string {
  return path.join(path.dirname(archiveRoot), `${path.basename(archiveRoot)}-备份`);
}

/**
 * Where a backup is restored when the clerk names no folder: beside the archive, named after it
 * and the backup (“创建档案-恢复-20240312-181500”), never an existing folder.
 */
export function defaultRestoreDir(archiveRoot: string, backupFile: string, taken: (dir: string) => boolean): string {
  const when = /(\d{8}-\d{6})/.exec(path.basename(backupFile))?.[1] ?? 'backup';
  const base = path.join(path.dirname(archiveRoot), `${path.basename(archiveRoot)}-恢复-${when}`);
  for (let n = 1; ; n += 1) {
    const dir = n === 1 ? base : `${base}（${n}）`;
    if (!taken(dir)) return dir;
  }
}

const AUTO_PREFIX = '自动备份-';
const MANUAL_PREFIX = '备份-';
const NAME = /^(自动备份|备份)-\d{8}-\d{6}-\d{3}\.zip$/;

function stamp(at: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}-${p(at.getMilliseconds(), 3)}`;
}

/** “自动备份-20240312-181500-042.zip”: sorts by time, so pruning keeps the newest by name. */
export function backupFileName(automatic: boolean, at = new Date()): string {
  return `${automatic ? AUTO_PREFIX : MANUAL_PREFIX}${stamp(at)}.zip`;
}

/** Backups this program wrote in `dir`, newest first. Other files are never touched. */
export async function listBackups(dir: string): Promise<BackupInfo[]> {
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => NAME.test(n));
  const out: BackupInfo[] = [];
  for (const name of names) {
    const stat = await fs.stat(path.join(dir, name)).catch(() => null);
    if (!stat) continue;
    out.push({ file: path.join(dir, name), createdAt: stat.mtime.toISOString(), size: stat.size, automatic: name.startsWith(AUTO_PREFIX) });
  }
  const key = (b: BackupInfo) => path.basename(b.file).replace(/^\D+-/, '');
  return out.sort((a, b) => key(b).localeCompare(key(a)));
}

/** Remove automatic backups beyond the newest `keep`; manual ones are the clerk's to delete. */
export async function pruneAutomatic(dir: string, keep: number): Promise<string[]> {
  const auto = (await listBackups(dir)).filter((b) => b.automatic);
  const removed: string[] = [];
  for (const old of auto.slice(keep)) {
    await fs.rm(old.file, { force: true });
    removed.push(old.file);
  }
  return removed;
}
