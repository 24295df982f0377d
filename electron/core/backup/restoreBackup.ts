import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { RestoreResult, VerifyReport } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { openArchive } from '../archive/archive';
import { verifyArchive } from '../integrity/verify';
import { isSha256 } from '../store/blobStore';
import { extractZip, formatBytes, listZip, readZipEntry, type ZipLimits } from '../zip';
import { MANIFEST_NAME, META_NAME, parseManifest, type BackupMeta } from './manifest';
import { describeWriteError } from './writeErrors';

export interface RestoreOptions {
  /** Override the zip limits (tests use small ones); by default bounded by the free disk space. */
  limits?: Partial<ZipLimits>;
}

/** A manifest of millions of lines is still a few hundred MB; anything larger is not ours. */
const MAX_MANIFEST_BYTES = 512 * 1024 ** 2;

/**
 * Restore a backup into a new folder. It is extracted beside the target under a temporary
 * name (zip-slip and zip-bomb refused), each file hashed as it is written and checked against
 * the manifest, every original against its own name (its SHA-256), every database row against
 * its file; only a backup that is whole is renamed to `targetDir`. Then 四性检测 reports on the
 * restored archive as it was when backed up (its files need no second hashing). Nothing is ever
 * written into an existing archive.
 */
export async function restoreBackup(zipFile: string, targetDir: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const target = path.resolve(targetDir);
  await assertEmptyOrMissing(target);
  const parent = path.dirname(target);
  await fs.mkdir(parent, { recursive: true }).catch((err: unknown) => {
    throw describeWriteError(err, `无法创建文件夹 ${parent}`);
  });
  const free = await freeBytes(parent);
  const limits: ZipLimits = { maxEntries: 5_000_000, maxTotalBytes: free, maxRatio: 100_000, ...options.limits };
  const entries = await listZip(zipFile, limits);
  const needed = entries.reduce((sum, e) => sum + e.size, 0);
  if (needed > free) {
    throw new ApiError('bad_input', `磁盘空间不足：恢复需要 ${formatBytes(needed)}，${parent} 只剩 ${formatBytes(free)}`);
  }
  const manifest = await readManifest(zipFile);
  const lostBefore = await originalsLostBeforeBackup(zipFile);
  const payload = entries.filter((e) => !e.isDirectory && e.name !== MANIFEST_NAME && e.name !== META_NAME).map((e) => e.name);
  const extra = payload.filter((n) => !manifest.has(n));
  if (extra.length) throw new ApiError('bad_input', `备份中有清单以外的文件：${extra.slice(0, 3).join('、')}`);
  const inZip = new Set(payload);
  const absent = [...manifest.keys()].filter((n) => !inZip.has(n));
  if (absent.length) throw new ApiError('bad_input', `备份不完整：缺少 ${absent.slice(0, 3).join('、')}`);
  for (const [name, sha] of manifest) {
    const m = /^files\/([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})$/.exec(name);
    const placed = m && m[3] === sha && m[1] === sha.slice(0, 2) && m[2] === sha.slice(2, 4);
    if (name.startsWith('files/') && !placed) throw new ApiError('bad_input', `备份已损坏：原始文件 ${name} 与其校验值不符`);
  }

  const staging = path.join(parent, `.${path.basename(target)}.restoring-${randomUUID()}`);
  try {
    await extractZip(zipFile, staging, limits, (name, sha) => {
      if (manifest.get(name) !== undefined && manifest.get(name) !== sha) {
        throw new ApiError('bad_input', `备份已损坏：${name} 的 SHA-256 与清单不符`);
      }
    }).catch((err: unknown) => {
      throw describeWriteError(err, `无法恢复到 ${target}`);
    });
    await fs.rm(path.join(staging, MANIFEST_NAME), { force: true });
    await fs.rm(path.join(staging, META_NAME), { force: true });
    const verified = new Set([...manifest].filter(([name]) => name.startsWith('files/')).map(([, sha]) => sha));
    const report = await checkRestored(staging, verified, lostBefore);
    await fs.rm(target, { recursive: true, force: true }); // only ever an empty folder here
    await fs.rename(staging, target);
    return { archivePath: target, filesRestored: manifest.size, report: { ...report, archivePath: target } };
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}

async function readManifest(zipFile: string): Promise<Map<string, string>> {
  const bytes = await readZipEntry(zipFile, MANIFEST_NAME, MAX_MANIFEST_BYTES);
  if (!bytes) throw new ApiError('bad_input', '这不是 Dossier 备份文件（缺少备份清单 MANIFEST.sha256）');
  const manifest = parseManifest(bytes.toString('utf8'));
  if (!manifest.has('archive.db')) throw new ApiError('bad_input', '备份清单中没有数据库 archive.db，备份不完整');
  return manifest;
}

/** Originals the archive had already lost when the backup was made (named in backup.json). */
async function originalsLostBeforeBackup(zipFile: string): Promise<ReadonlySet<string>> {
  const bytes = await readZipEntry(zipFile, META_NAME, 64 * 1024 * 1024);
  try {
    const meta = JSON.parse(bytes?.toString('utf8') ?? '{}') as Partial<BackupMeta>;
    return new Set(Array.isArray(meta.missingOriginals) ? meta.missingOriginals.filter((s): s is string => typeof s === 'string') : []);
  } catch {
    return new Set();
  }
}

async function assertEmptyOrMissing(dir: string): Promise<void> {
  const names = await fs.readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    if (err.code === 'ENOTDIR') throw new ApiError('bad_input', `恢复位置不是文件夹：${dir}`);
    throw err;
  });
  if (names.length > 0) throw new ApiError('conflict', `恢复位置必须是新的或空的文件夹（不会覆盖已有档案库）：${dir}`);
}

async function freeBytes(dir: string): Promise<number> {
  const s = await fs.statfs(dir);
  return s.bavail * s.bsize;
}

/**
 * The restored database is sound and has every original it lists (else the backup is refused);
 * then 四性检测 over it, with the originals' hashes already proven by the manifest.
 */
async function checkRestored(root: string, verified: ReadonlySet<string>, lostBefore: ReadonlySet<string>): Promise<VerifyReport> {
  const archive = openArchive(root);
  try {
    const check = archive.db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw new ApiError('bad_input', `备份中的数据库已损坏（${check}），未启用`);
    const shas = archive.db.prepare('SELECT sha256 FROM blob').pluck().all() as string[];
    // What the archive had lost before the backup comes back lost (四性检测 names it), not refused.
    const lacking = shas.filter((sha) => !isSha256(sha) || (!verified.has(sha) && !lostBefore.has(sha)));
    if (lacking.length) {
      throw new ApiError('bad_input', `备份不完整：数据库登记的 ${lacking.length} 个原始文件不在备份中（如 ${lacking[0].slice(0, 12)}…），未启用`);
    }
    return await verifyArchive(archive, { knownHashes: verified });
  } finally {
    archive.close();
  }
}
