import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { RestoreResult, VerifyReport } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { openArchive } from '../archive/archive';
import { verifyArchive } from '../integrity/verify';
import { sha256File } from '../store/hash';
import { extractZip, formatBytes, listZip, type ZipLimits } from '../zip';
import { listFiles, MANIFEST_NAME, META_NAME, parseManifest } from './manifest';
import { describeWriteError } from './writeErrors';

export interface RestoreOptions {
  /** Override the zip limits (tests use small ones); by default bounded by the free disk space. */
  limits?: Partial<ZipLimits>;
}

/**
 * Restore a backup into a new folder. It is extracted beside the target under a temporary
 * name (zip-slip and zip-bomb refused), every file checked against the manifest, then opened
 * and put through 四性检测; only when all that passes is it renamed to `targetDir`. Nothing is
 * ever written into an existing archive.
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
  const staging = path.join(parent, `.${path.basename(target)}.restoring-${randomUUID()}`);
  try {
    await extractZip(zipFile, staging, limits).catch((err: unknown) => {
      throw describeWriteError(err, `无法恢复到 ${target}`);
    });
    const filesRestored = await checkManifest(staging);
    await fs.rm(path.join(staging, MANIFEST_NAME));
    await fs.rm(path.join(staging, META_NAME), { force: true });
    const report = await verifyRestored(staging);
    if (!report.ok) {
      const first = report.problems.filter((p) => p.severity === 'error').slice(0, 5).map((p) => p.message);
      throw new ApiError('bad_input', `备份恢复后未通过四性检测，未启用：${first.join('；')}`);
    }
    await fs.rm(target, { recursive: true, force: true }); // only ever an empty folder here
    await fs.rename(staging, target);
    return { archivePath: target, filesRestored, report: { ...report, archivePath: target } };
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
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

/** Every file the manifest lists is present with its hash, and nothing else came along. */
async function checkManifest(root: string): Promise<number> {
  const text = await fs.readFile(path.join(root, MANIFEST_NAME), 'utf8').catch(() => {
    throw new ApiError('bad_input', '这不是 Dossier 备份文件（缺少备份清单 MANIFEST.sha256）');
  });
  const manifest = parseManifest(text);
  if (!manifest.has('archive.db')) throw new ApiError('bad_input', '备份清单中没有数据库 archive.db，备份不完整');
  for (const [name, sha] of manifest) {
    const actual = await sha256File(path.join(root, name)).catch(() => null);
    if (actual === null) throw new ApiError('bad_input', `备份不完整：缺少 ${name}`);
    if (actual !== sha) throw new ApiError('bad_input', `备份已损坏：${name} 的 SHA-256 与清单不符`);
  }
  const extra = (await listFiles(root)).filter((n) => !manifest.has(n) && n !== MANIFEST_NAME && n !== META_NAME);
  if (extra.length) throw new ApiError('bad_input', `备份中有清单以外的文件：${extra.slice(0, 3).join('、')}`);
  return manifest.size;
}

async function verifyRestored(root: string): Promise<VerifyReport> {
  const archive = openArchive(root);
  try {
    return await verifyArchive(archive);
  } finally {
    archive.close();
  }
}
