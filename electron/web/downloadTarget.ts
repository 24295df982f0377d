// Which file a browser-mode download may hand out: only one the core wrote under the archive's
// exports/ (reports, packets, 任务包, 报送包), never a hidden or half-written one, never through a
// link that leads out of it.
import fs from 'node:fs/promises';
import path from 'node:path';

/** The real file behind `requested` when it lies under `exportsDir`; null otherwise. */
export async function downloadTarget(exportsDir: string, requested: string): Promise<string | null> {
  if (!requested || requested.includes('\0') || !path.isAbsolute(requested)) return null;
  const [root, file] = await Promise.all([fs.realpath(exportsDir).catch(() => null), fs.realpath(requested).catch(() => null)]);
  if (!root || !file) return null;
  const inside = path.relative(root, file);
  if (!inside || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  // Partial files are written as hidden temporaries and renamed when whole (see atomicOutput.ts).
  if (inside.split(path.sep).some((segment) => segment.startsWith('.'))) return null;
  const stat = await fs.stat(file).catch(() => null);
  return stat?.isFile() ? file : null;
}
