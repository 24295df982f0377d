import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../../shared/errors';
import type { Archive } from '../archive/archive';
import { isSha256 } from '../store/blobStore';
import { isRunnableName } from './executables';
import { sanitizeUploadName } from '../store/safeFileName';

/** Where the copies below are written: the only place the desktop shell opens files from. */
export function openCopyRoot(archive: Archive): string {
  return path.join(archive.tmpDir, 'open');
}

/**
 * A read-only copy of a stored original under its own name, for opening in the clerk's usual
 * program (which needs the extension, and must never write into the store). Lives in this
 * process's temp area, removed when the program closes (or, after a crash, by the next one).
 */
export async function copyForViewing(archive: Archive, sha256: string, fileName: string): Promise<string> {
  const known = isSha256(sha256) && archive.db.prepare('SELECT 1 FROM blob WHERE sha256 = ?').get(sha256);
  if (!known) throw new ApiError('not_found', '档案中没有这个文件');
  // Filed before executables were refused, or named so on purpose: the shell would run it.
  if (isRunnableName(fileName)) throw new ApiError('forbidden', `《${fileName}》是可执行程序或脚本，为安全起见不直接打开`);
  const dir = path.join(openCopyRoot(archive), randomUUID());
  await fs.mkdir(dir, { recursive: true });
  const target = path.join(dir, sanitizeUploadName(fileName));
  await fs.copyFile(archive.store.pathFor(sha256), target);
  await fs.chmod(target, 0o444);
  return target;
}
