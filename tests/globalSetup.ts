// Every temp folder of a test run lives under one root, removed when the run ends: the tests
// write gigabytes (photos, a 2 GB sparse file, archives) and must not fill the disk run after
// run. Workers inherit the root through the environment. DOSSIER_KEEP_TEMP=1 keeps it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-tests-'));
  process.env.DOSSIER_TEMP_ROOT = root;
  return () => {
    if (!process.env.DOSSIER_KEEP_TEMP) fs.rmSync(root, { recursive: true, force: true });
  };
}
