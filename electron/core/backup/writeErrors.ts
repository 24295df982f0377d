import { ApiError } from '../../../shared/errors';

/**
 * A failed write as a message a clerk can act on. Disk full and read-only folders are the
 * usual causes; the operation has already been undone when this is thrown.
 */
export function describeWriteError(err: unknown, what: string): ApiError {
  if (err instanceof ApiError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Record<string, string> = {
    ENOSPC: '磁盘空间不足，请清理磁盘或换一个位置后重试',
    EDQUOT: '磁盘配额已满，请清理后重试',
    EROFS: '目标磁盘是只读的，请换一个可写的位置',
    EACCES: '没有写入权限，请换一个位置或检查文件夹权限',
    EPERM: '没有写入权限，请换一个位置或检查文件夹权限',
    ENOTDIR: '目标路径中有同名文件挡住了文件夹',
    EEXIST: '目标已存在',
  };
  const reason = (code && reasons[code]) ?? (err instanceof Error ? err.message : String(err));
  return new ApiError('bad_input', `${what}：${reason}。档案库未受影响。`);
}
