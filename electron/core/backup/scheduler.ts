import path from 'node:path';
import type { BackupResult } from '../../../shared/domain';
import type { Archive } from '../archive/archive';
import { createBackup } from './createBackup';
import { backupFileName, defaultBackupDir, pruneAutomatic } from './location';

export interface BackupSchedulerOptions {
  archive: Archive;
  /** Where automatic backups go; default beside the archive. */
  dir?: string;
  intervalMs: number;
  /** Automatic backups kept; older ones are removed after each new one. */
  keep: number;
  onBackup?: (result: BackupResult) => void;
  onError?: (err: unknown) => void;
}

/**
 * Automatic backups while the app runs and once more on exit, keeping the newest `keep`.
 * A run is skipped when nothing changed since the last one (same database change counters),
 * so an idle app does not fill the disk. Runs never overlap.
 */
export class BackupScheduler {
  readonly dir: string;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<BackupResult | null> | null = null;
  private lastFingerprint: string | null = null;

  constructor(private readonly options: BackupSchedulerOptions) {
    this.dir = options.dir ?? defaultBackupDir(options.archive.root);
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.runNow().catch(() => undefined), this.options.intervalMs);
    this.timer.unref();
  }

  /** Back up now unless nothing changed; resolves with the backup made, or null when skipped. */
  runNow(): Promise<BackupResult | null> {
    this.running ??= this.backup().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Stop the schedule; with `finalBackup`, take the on-exit backup first. */
  async stop(finalBackup = true): Promise<BackupResult | null> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.running) await this.running.catch(() => null);
    return finalBackup ? this.runNow().catch(() => null) : null;
  }

  private async backup(): Promise<BackupResult | null> {
    const fingerprint = this.fingerprint();
    if (fingerprint === this.lastFingerprint) return null;
    try {
      const file = path.join(this.dir, backupFileName(true));
      const result = await createBackup(this.options.archive, file, true);
      this.lastFingerprint = fingerprint;
      await pruneAutomatic(this.dir, this.options.keep);
      this.options.onBackup?.(result);
      return result;
    } catch (err) {
      this.options.onError?.(err);
      throw err;
    }
  }

  /** Changes made through this connection, and by any other connection, since it opened. */
  private fingerprint(): string {
    const db = this.options.archive.db;
    const own = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const others = db.pragma('data_version', { simple: true }) as number;
    return `${own}:${others}`;
  }
}
