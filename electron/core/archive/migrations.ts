// Numbered, append-only migrations, one file each under migrations/. A migration once released
// is never edited; add the next number instead. Applied in order, recorded in schema_migration.
import { sql as initial } from './migrations/001-initial';
import { sql as indicatorWork } from './migrations/002-indicator-work';
import { sql as materials } from './migrations/003-materials';
import { sql as packets } from './migrations/004-packets';
import { sql as materialNumbers } from './migrations/005-material-numbers';
import { sql as itemNumbers } from './migrations/006-item-numbers';
import { sql as bigramSearch } from './migrations/007-bigram-search';
import { sql as statements } from './migrations/008-indicator-statements';
import { sql as bundles } from './migrations/009-bundles';
import { sql as ocr } from './migrations/010-ocr';
import { sql as versionConflicts } from './migrations/011-version-conflicts';
import { sql as mediaInfo } from './migrations/012-media-info';


export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  { version: 1, name: 'initial schema', sql: initial },
  { version: 2, name: 'indicator editing, units, self-evaluation', sql: indicatorWork },
  { version: 3, name: 'materials: photo fields, exif, text extraction, photo groups', sql: materials },
  { version: 4, name: 'packet definitions', sql: packets },
  { version: 5, name: 'material numbers never reused', sql: materialNumbers },
  { version: 6, name: 'stored 件号 and 档号, the dossier 档号 rule', sql: itemNumbers },
  { version: 7, name: 'bigram search index', sql: bigramSearch },
  { version: 8, name: '结论性说明 per indicator', sql: statements },
  { version: 9, name: 'bundles between archives: uuids, keys, submissions, review', sql: bundles },
  { version: 10, name: 'OCR of scans and document photos', sql: ocr },
  { version: 11, name: 'version conflicts until chosen; kept progress reports', sql: versionConflicts },
  { version: 12, name: 'video and audio: duration, resolution, codecs', sql: mediaInfo },
];

export const latestSchemaVersion = migrations[migrations.length - 1].version;
