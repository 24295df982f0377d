// Numbered, append-only migrations, one file each under migrations/. A migration once released
// is never edited; add the next number instead. Applied in order, recorded in schema_migration.
import { sql as initial } from './migrations/001-initial';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [{ version: 1, name: 'initial schema', sql: initial }];

export const latestSchemaVersion = migrations[migrations.length - 1].version;
