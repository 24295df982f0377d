import fs from 'node:fs/promises';
import path from 'node:path';
import type { RestoreResult, VerifyReport } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { openArchive, type Archive } from '../archive/archive';
import { verifyArchive } from '../integrity/verify';
import { isSha256 } from '../store/blobStore';
import { DEFAULT_ZIP_LIMITS, extractZip, formatBytes, listZip, readZipEntry, shownName, UnsafeZipError, type ZipEntryInfo, type ZipLimits } from '../zip';
import { MANIFEST_NAME, META_NAME, parseManifest, type BackupMeta } from './manifest';
import { judgeManifest, planRestore } from './restorePlan';
import { clearAbandonedRestores, openRestoreStaging, type RestoreStaging } from './restoreStaging';
import { describeWriteError } from './writeErrors';

export interface RestoreOptions {
  /** Override the zip limits (tests use small ones); by default bounded by the free disk space. */
  limits?: Partial<ZipLimits>;
}

/** backup.json beyond its sizes (the originals lost before the backup) stays small. */
const META_BASE_BYTES = 64 * 1024 ** 2;

/**
 * Restore a backup into a new folder. Before any content is read, the zip's directory and the
 * manifest decide what is written (restorePlan.ts): every name in the backup's layout, nothing
 * unlisted, each size as recorded, no expansion past a sane ratio. Then the planned files are
 * extracted into a staging area beside the target (restoreStaging.ts), each stopped at its
 * declared size and hashed as written against the manifest, every database row checked against
 * its file; only a backup that is whole is renamed to `targetDir`, and the staging area goes on
 * every other path. Then 四性检测 reports on the restored archive as it was when backed up (its
 * files need no second hashing). Nothing is ever written into an existing archive.
 */
export async function restoreBackup(zipFile: string, targetDir: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  clearAbandonedRestores();
  const target = path.resolve(targetDir);
  const source = `备份文件 ${zipFile}`;
  await assertEmptyOrMissing(target);
  const parent = path.dirname(target);
  await fs.mkdir(parent, { recursive: true }).catch((err: unknown) => {
    throw describeWriteError(err, `无法创建文件夹 ${parent}`);
  });
  const free = await freeBytes(parent);
  const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxEntries: 5_000_000, maxTotalBytes: free, ...options.limits };
  const named = (err: unknown): never => {
    throw err instanceof UnsafeZipError ? new ApiError('bad_input', `${source} 无法恢复：${err.message}`) : err;
  };
  const zipSize = (await fs.stat(zipFile).catch(() => named(new UnsafeZipError('corrupt', '找不到或无法读取该文件')))).size;
  const entries = await listZip(zipFile, limits).catch(named);
  const listed = judgeManifest(source, parseManifest(await readManifest(zipFile, entries, source).catch(named), source));
  const meta = await readMeta(zipFile, entries, source).catch(named);
  const plan = planRestore({ source, zipSize, entries, listed, sizes: sizesOf(meta, source), maxRatio: limits.maxRatio });
  if (plan.totalBytes > free) {
    throw new ApiError('bad_input', `磁盘空间不足：恢复需要 ${formatBytes(plan.totalBytes)}，${parent} 只剩 ${formatBytes(free)}`);
  }
  const lostBefore = lostOriginals(meta);

  let staging: RestoreStaging;
  try {
    staging = openRestoreStaging(parent);
  } catch (err) {
    throw describeWriteError(err, `无法在 ${parent} 中准备恢复`);
  }
  try {
    await extractZip(zipFile, staging.dir, limits, {
      only: new Set(plan.files.keys()),
      maxWrittenBytes: plan.totalBytes,
      onWritten: (name, sha) => {
        if (plan.files.get(name) !== sha) throw new ApiError('bad_input', `${source} 已损坏：${shownName(name)} 的 SHA-256 与清单不符，已拒绝恢复`);
      },
    }).catch((err: unknown) => {
      if (err instanceof UnsafeZipError) named(err);
      throw describeWriteError(err, `无法恢复到 ${target}`);
    });
    const report = await checkRestored(staging.dir, source, plan.originals, lostBefore);
    await fs.rm(target, { recursive: true, force: true }); // only ever an empty folder here
    await fs.rename(staging.dir, target);
    return { archivePath: target, filesRestored: plan.files.size, report: { ...report, archivePath: target } };
  } finally {
    await staging.close();
  }
}

/** One line per zip entry at most: a manifest larger than that cannot be one of ours. */
async function readManifest(zipFile: string, entries: ZipEntryInfo[], source: string): Promise<string> {
  const most = entries.reduce((sum, e) => sum + 64 + 2 + Buffer.byteLength(e.name) + 1, 0);
  const bytes = await readZipEntry(zipFile, MANIFEST_NAME, most);
  if (!bytes) throw new ApiError('bad_input', `${source} 不是 Dossier 备份文件（缺少备份清单 MANIFEST.sha256），已拒绝恢复`);
  return bytes.toString('utf8');
}

/** backup.json, or null in a backup without one; one that is not JSON is damage. */
async function readMeta(zipFile: string, entries: ZipEntryInfo[], source: string): Promise<Partial<BackupMeta> | null> {
  const most = entries.reduce((sum, e) => sum + Buffer.byteLength(e.name) + 32, META_BASE_BYTES);
  const bytes = await readZipEntry(zipFile, META_NAME, most);
  if (!bytes) return null;
  try {
    const meta = JSON.parse(bytes.toString('utf8')) as unknown;
    if (typeof meta === 'object' && meta !== null && !Array.isArray(meta)) return meta as Partial<BackupMeta>;
  } catch {
    // reported below
  }
  throw new ApiError('bad_input', `${source} 已损坏：其中的说明文件 backup.json 无法读取，已拒绝恢复`);
}

/** The sizes a backup recorded (null in backups made before they were); each a whole number of bytes. */
function sizesOf(meta: Partial<BackupMeta> | null, source: string): Map<string, number> | null {
  const raw = meta?.sizes;
  if (raw === undefined) return null;
  const bad = () => new ApiError('bad_input', `${source} 已损坏：backup.json 中的文件大小记录无效，已拒绝恢复`);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw bad();
  const sizes = new Map<string, number>();
  for (const [name, size] of Object.entries(raw)) {
    if (!Number.isSafeInteger(size) || size < 0) throw bad();
    sizes.set(name, size);
  }
  return sizes;
}

/** Originals the archive had already lost when the backup was made (named in backup.json). */
function lostOriginals(meta: Partial<BackupMeta> | null): ReadonlySet<string> {
  const listed = meta?.missingOriginals;
  return new Set(Array.isArray(listed) ? listed.filter((s): s is string => typeof s === 'string') : []);
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
async function checkRestored(root: string, source: string, verified: ReadonlySet<string>, lostBefore: ReadonlySet<string>): Promise<VerifyReport> {
  const damaged = () => new ApiError('bad_input', `${source} 中的数据库 archive.db 已损坏或不是 Dossier 的数据库，未启用`);
  let archive: Archive;
  try {
    archive = openArchive(root);
  } catch (err) {
    throw err instanceof ApiError ? err : damaged(); // SQLite's own words are not for the clerk
  }
  try {
    if (archive.db.pragma('quick_check', { simple: true }) !== 'ok') throw damaged();
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
