import Database from 'better-sqlite3';
import { unitNamesIn } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { latestSchemaVersion, migrations } from './migrations';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron passes its own). */
  nativeBinding?: string;
}

export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Whole unit names, as the tree filter matches them: “办公室” is not “党政办公室”.
  db.function('names_unit', { deterministic: true }, (text: unknown, name: unknown) =>
    typeof text === 'string' && typeof name === 'string' && unitNamesIn(text).includes(name.trim()) ? 1 : 0,
  );
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const row = db.prepare('SELECT max(version) AS v FROM schema_migration').get() as { v: number | null };
  const current = row.v ?? 0;
  if (current > latestSchemaVersion) {
    db.close();
    throw new ApiError(
      'conflict',
      `此档案库由更新版本的 Dossier 创建（数据版本 ${current}，本程序支持到 ${latestSchemaVersion}），请升级程序后再打开。`,
    );
  }
  const record = db.prepare('INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    })();
  }
}
