// The backup manifest is a `sha256sum` file: one “<sha256>  <path>” line per file, sorted by
// path, so `sha256sum -c MANIFEST.sha256` checks an extracted backup without this program.
import fs from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../../shared/errors';
import { sha256File } from '../store/hash';

export const MANIFEST_NAME = 'MANIFEST.sha256';
export const META_NAME = 'backup.json';

/** backup.json: what the backup is, and the originals the archive had lost before it was made. */
export interface BackupMeta {
  format: 'dossier-backup';
  version: 1;
  createdAt: string;
  schemaVersion: number;
  blobCount: number;
  missingOriginals: string[];
  /** Each manifest file's size in bytes (backups made before sizes were recorded lack it). */
  sizes?: Record<string, number>;
}

export interface ManifestLine {
  /** 1-based, as an editor counts. */
  line: number;
  name: string;
  sha256: string;
}

export function formatManifest(hashes: Map<string, string>): string {
  return [...hashes.keys()]
    .sort()
    .map((name) => `${hashes.get(name)}  ${name}\n`)
    .join('');
}

/**
 * The manifest's lines in order. A line that is not “<sha256>  <name>” is refused, naming
 * `source` (the backup file) and the line; names are judged by the caller (backupLayout.ts).
 */
export function parseManifest(text: string, source: string, refused = '已拒绝恢复'): ManifestLine[] {
  const out: ManifestLine[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    if (lines[i] === '') continue;
    // `s`: a stray \r or other control character stays in the name, for the name check to name it.
    const m = /^([0-9a-f]{64}) {2}(.+)$/s.exec(lines[i]);
    if (!m) throw new ApiError('bad_input', `${source} 的清单第 ${i + 1} 行格式错误（应为“SHA-256 值 + 两个空格 + 路径”），${refused}`);
    out.push({ line: i + 1, name: m[2], sha256: m[1] });
  }
  return out;
}

/** Every file under `root`, as forward-slash relative paths (what a manifest names). */
export async function listFiles(root: string, sub = ''): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(path.join(root, sub), { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    const rel = sub ? `${sub}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(root, rel)));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}

/** The manifest an archive folder's payload would have (archive.db, files/, derived/). */
export async function manifestOfFolder(root: string): Promise<string> {
  const hashes = new Map<string, string>();
  const names = ['archive.db', ...(await listFiles(root, 'files')), ...(await listFiles(root, 'derived'))];
  for (const name of names) hashes.set(name, await sha256File(path.join(root, name)));
  return formatManifest(hashes);
}
