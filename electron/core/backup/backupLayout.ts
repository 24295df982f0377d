// The names a backup holds (see createBackup.ts): archive.db, the originals under
// files/ab/cd/<sha256>, the rebuildable derived/<kind>/ab/<sha256>.<ext>, and beside them
// MANIFEST.sha256 and backup.json. Restore judges every manifest line and every zip entry here.
import { unsafeEntryReason } from '../zip';
import { MANIFEST_NAME, META_NAME } from './manifest';

export type BackupNameKind =
  | 'database'
  | 'original'
  | 'derived'
  /**
   * A safe name under derived/ that the app never writes (Thumbs.db, .DS_Store left by a file
   * browser): backups copy all of derived/, and derived/ is rebuildable, so it is left out of a
   * restore rather than refusing a genuine backup over it.
   */
  | 'stray';

export type BackupName = { kind: BackupNameKind } | { reason: string };

const ORIGINAL = /^files\/([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})$/;
const DERIVED = /^derived\/[a-z]+\/([0-9a-f]{2})\/([0-9a-f]{64})\.[a-z0-9]{1,8}$/;

/**
 * What a payload name (a manifest line, a zip entry) is, or why it cannot be in a backup. The
 * zip rules come first (the same function every zip entry passes: no absolute path, drive
 * letter, “..” or NUL), then what only this layout allows: no backslash, no control
 * character, nothing outside archive.db, files/ and derived/.
 */
export function classifyBackupName(name: string): BackupName {
  const unsafe = unsafeEntryReason(name);
  if (unsafe) return { reason: unsafe };
  if (name.includes('\\')) return { reason: '含有反斜杠（备份中的路径只用“/”）' };
  if (/[\u0000-\u001f\u007f]/.test(name)) return { reason: '含有控制字符' };
  if (name === 'archive.db') return { kind: 'database' };
  if (name.startsWith('files/')) {
    const m = ORIGINAL.exec(name);
    if (m && m[1] === m[3].slice(0, 2) && m[2] === m[3].slice(2, 4)) return { kind: 'original' };
    return { reason: '不是原始文件的命名（files/ab/cd/<SHA-256>）' };
  }
  if (name.startsWith('derived/')) {
    const m = DERIVED.exec(name);
    if (m && m[1] === m[2].slice(0, 2)) return { kind: 'derived' };
    const parts = name.split('/');
    if (parts.some((p) => p === '' || p === '.')) return { reason: '路径中有空的或“.”的部分' };
    return { kind: 'stray' };
  }
  if (name === MANIFEST_NAME || name === META_NAME) return { reason: '是备份自身的说明文件，不应列在清单中' };
  return { reason: '不在备份的目录结构内（只能是 archive.db、files/ 或 derived/ 下的文件）' };
}
