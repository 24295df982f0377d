import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository's resources/ folder, found by walking up from this module. The Electron
 * shell passes its own (inside the packaged app) instead.
 */
export function findResourcesDir(start = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = start;
  for (;;) {
    const candidate = path.join(dir, 'resources');
    if (fs.existsSync(path.join(candidate, 'indicator-systems'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('resources/ folder not found');
    dir = parent;
  }
}
