import fs from 'node:fs/promises';
import path from 'node:path';
import type { Archive } from '../archive/archive';

/** Where browser mode writes uploaded files before they are added: tmp/uploads/<id>/<name>. */
export function uploadsDir(archive: Archive): string {
  return path.join(archive.tmpDir, 'uploads');
}

/**
 * Once an add or import has copied uploaded files into the store they go. Only folders inside
 * the archive's own upload area are ever removed; any other path is the clerk's own file.
 */
export async function removeUploads(archive: Archive, paths: string[]): Promise<void> {
  const dir = uploadsDir(archive);
  for (const p of paths) {
    const rel = path.relative(dir, p);
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
      await fs.rm(path.join(dir, rel.split(path.sep)[0]), { recursive: true, force: true });
    }
  }
}
