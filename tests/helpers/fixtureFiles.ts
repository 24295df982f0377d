// Real files committed under tests/fixtures/ (made once by real tools; see each folder's README).
import fs from 'node:fs';
import path from 'node:path';

export const fixturesDir = path.resolve(import.meta.dirname, '..', 'fixtures');

/** The bytes of tests/fixtures/<parts…>. */
export function fixture(...parts: string[]): Buffer {
  return fs.readFileSync(path.join(fixturesDir, ...parts));
}
