import path from 'node:path';

/** Why an entry name cannot be extracted safely; null when it can. */
export function unsafeEntryReason(name: string): string | null {
  if (name.includes('\u0000')) return '文件名含有空字符';
  const unified = name.replace(/\\/g, '/');
  if (unified.startsWith('/') || /^[A-Za-z]:/.test(unified)) return '使用了绝对路径';
  if (unified.split('/').some((part) => part === '..')) return '路径中含有“..”，会越出目标文件夹';
  return null;
}

/**
 * The path an entry lands at inside `targetDir`, or null when it would land anywhere else
 * (zip-slip). Checked twice: by the name's parts, then by resolving and comparing.
 */
export function entryTarget(targetDir: string, name: string): string | null {
  if (unsafeEntryReason(name) !== null) return null;
  const root = path.resolve(targetDir);
  const target = path.resolve(root, ...name.replace(/\\/g, '/').split('/').filter(Boolean));
  return target.startsWith(root + path.sep) ? target : null;
}

/** Unix mode bits a zip records in the upper half of the external attributes. */
export function isSymlinkEntry(externalFileAttributes: number): boolean {
  return ((externalFileAttributes >>> 16) & 0o170000) === 0o120000;
}

/** A name from a zip or its manifest as a message may show it: control characters visible, length bounded. */
export function shownName(name: string): string {
  const visible = name.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return visible.length > 120 ? `${visible.slice(0, 117)}…` : visible;
}
