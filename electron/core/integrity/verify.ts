import fs from 'node:fs/promises';
import type { VerifyProblem, VerifyReport } from '../../../shared/domain';
import type { Archive } from '../archive/archive';

/**
 * The four checks of DA/T 70, as far as this version goes: authenticity (hash and size match),
 * integrity (every row has its file, every file has a row). Usability and security grow with
 * the integrity issue.
 */
export async function verifyArchive(archive: Archive): Promise<VerifyReport> {
  const problems: VerifyProblem[] = [];
  const blobs = archive.db.prepare('SELECT sha256, size FROM blob ORDER BY sha256').all() as {
    sha256: string;
    size: number;
  }[];
  const materialsOf = archive.db.prepare('SELECT id, title FROM material WHERE sha256 = ? ORDER BY id');
  for (const blob of blobs) {
    const owners = materialsOf.all(blob.sha256) as { id: number; title: string }[];
    const first = owners[0] ?? null;
    const name = first ? `材料《${first.title}》（编号 ${first.id}）` : `文件 ${blob.sha256}`;
    const file = archive.store.pathFor(blob.sha256);
    let size: number;
    try {
      size = (await fs.stat(file)).size;
    } catch {
      problems.push({ check: 'integrity', materialId: first?.id ?? null, sha256: blob.sha256, message: `${name}的原始文件缺失：${file}` });
      continue;
    }
    const actual = await archive.store.hashOf(blob.sha256);
    if (actual !== blob.sha256 || size !== blob.size) {
      problems.push({
        check: 'authenticity',
        materialId: first?.id ?? null,
        sha256: blob.sha256,
        message: `${name}的文件内容已被改动（SHA-256 或大小与登记不符）：${file}`,
      });
    }
  }
  const known = new Set(blobs.map((b) => b.sha256));
  for (const sha of await archive.store.listAll()) {
    if (!known.has(sha)) {
      problems.push({
        check: 'integrity',
        materialId: null,
        sha256: sha,
        message: `存储区有未登记的文件：${archive.store.pathFor(sha)}`,
      });
    }
  }
  return { ok: problems.length === 0, filesChecked: blobs.length, problems };
}
