import { ApiError } from '../../../shared/errors';

/** A file-system error as a reason a clerk can act on. */
export function describeFsError(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return '文件或文件夹不存在';
    case 'EACCES':
    case 'EPERM':
      return '没有读取权限，请检查文件是否被占用或受保护';
    case 'EBUSY':
      return '文件正被其他程序占用';
    case 'ENAMETOOLONG':
      return '路径过长，请缩短文件夹或文件名后重试';
    case 'ENOSPC':
      return '磁盘空间不足，请清理磁盘后重试';
    case 'EROFS':
      return '档案库所在磁盘为只读，无法写入';
    case 'EIO':
      return '读取文件时发生磁盘错误';
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      // The file was fine: the archive's database stayed busy with another program's writing.
      return '档案库正忙（其他窗口或命令正在写入），本文件未保存，请稍后重新添加';
    default:
      return `无法读取文件：${err instanceof Error ? err.message : String(err)}`;
  }
}
