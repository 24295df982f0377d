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
  // A writer waits this long for another process's transaction (imports commit file by file).
  db.pragma('busy_timeout = 30000');
  // Whole unit names, as the tree filter matches them: “办公室” is not “党政办公室”.
  db.function('names_unit', { deterministic: true }, (text: unknown, name: unknown) =>
    typeof text === 'string' && typeof name === 'string' && unitNamesIn(text).includes(name.trim()) ? 1 : 0,
  );
  immediateTransactions(db);
  migrate(db);
  return db;
}

/**
 * Every transaction starts as a writer (BEGIN IMMEDIATE). Several processes may write one
 * archive; a deferred transaction that reads and then writes cannot wait for another writer
 * under WAL (SQLite answers “database is locked” at once, busy_timeout or not), while an
 * immediate one waits its turn. Reads outside transactions are unaffected.
 */
function immediateTransactions(db: Db): void {
  const deferred = db.transaction.bind(db);
  db.transaction = ((fn: (...args: never[]) => unknown) => {
    const t = deferred(fn);
    return Object.assign((...args: never[]) => t.immediate(...args), {
      default: t.immediate,
      deferred: t.deferred,
      immediate: t.immediate,
      exclusive: t.exclusive,
    });
  }) as Db['transaction'];
}

function migrate(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const version = () => (db.prepare('SELECT max(version) AS v FROM schema_migration').get() as { v: number | null }).v ?? 0;
  const current = version();
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
      // Another process opening the archive at the same moment may have applied it meanwhile.
      if (version() >= m.version) return;
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    })();
  }
}
