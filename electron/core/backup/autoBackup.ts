import type { Archive } from '../archive/archive';
import { BackupScheduler } from './scheduler';

/** Defaults for the shells: every 2 hours while running, once on exit, keep the newest 10. */
export const AUTO_BACKUP_DEFAULTS = { intervalMs: 2 * 60 * 60 * 1000, keep: 10 } as const;

/**
 * Start automatic backups for a shell (desktop or browser mode). Failures are reported, never
 * thrown: a failed backup must not take the app down with it.
 */
export function startAutoBackup(
  archive: Archive,
  options: { dir?: string; intervalMs?: number; keep?: number; log?: (line: string) => void } = {},
): BackupScheduler {
  const log = options.log ?? ((line: string) => console.log(line));
  const scheduler = new BackupScheduler({
    archive,
    dir: options.dir,
    intervalMs: options.intervalMs ?? AUTO_BACKUP_DEFAULTS.intervalMs,
    keep: options.keep ?? AUTO_BACKUP_DEFAULTS.keep,
    onBackup: (r) => log(`已自动备份：${r.file}`),
    onError: (err) => log(`自动备份失败：${err instanceof Error ? err.message : String(err)}`),
  });
  scheduler.start();
  return scheduler;
}
