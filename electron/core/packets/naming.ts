import { createHash } from 'node:crypto';
import path from 'node:path';
import { MINUTES_MEDIA_TYPE, type Indicator, type Material } from '../../../shared/domain';

// Windows forbids these in names; the full-width forms keep the meaning readable.
const FORBIDDEN: Record<string, string> = {
  '<': '＜',
  '>': '＞',
  ':': '：',
  '"': '＂',
  '/': '／',
  '\\': '＼',
  '|': '｜',
  '?': '？',
  '*': '＊',
};
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** Linux and macOS allow 255 bytes per name: Chinese takes 3 bytes a character in UTF-8. */
const MAX_NAME_BYTES = 240;

/**
 * A name that is valid as one path component on Windows, macOS and Linux: no forbidden or
 * control characters, no trailing dots or spaces, not a reserved device name, at most
 * `maxLength` characters and `maxBytes` bytes of UTF-8 (cut between code points).
 */
export function safeName(name: string, maxLength = 80, maxBytes = MAX_NAME_BYTES): string {
  let out = '';
  for (const ch of name) {
    if (ch.codePointAt(0)! < 0x20 || ch === '\u007f') out += ' ';
    else out += FORBIDDEN[ch] ?? ch;
  }
  out = out.replace(/\s+/g, ' ').trim();
  const chars = [...out];
  if (chars.length > maxLength) out = chars.slice(0, maxLength).join('');
  while (Buffer.byteLength(out) > maxBytes) out = [...out].slice(0, -1).join('');
  out = out.replace(/[. ]+$/, '');
  if (out === '') out = '未命名';
  if (RESERVED.test(out)) out = `_${out}`;
  return out;
}

/**
 * Explorer, Word and WPS cannot open a file whose full path passes 260 UTF-16 units (MAX_PATH
 * with its NUL) unless long paths are switched on, which office PCs rarely have. A copy made
 * here (or unzipped there) must open where it lands.
 */
export const WINDOWS_MAX_PATH = 259;
/** Below this a shortened name says too little to be found by eye. */
const MIN_FITTED = 12;

/**
 * `stem` + `ext` shortened, if need be, so that `<parent>\\<name>` leaves `room` units of
 * MAX_PATH for what goes below it. A shortened name keeps its start and its extension and gains
 * “~” and six hex digits of the full name's hash, so two long names that differ only at the end
 * stay two. The extension is given, not guessed: a title may hold dots (“2024.3.15 会议”).
 */
export function fitWindowsName(parent: string, stem: string, ext = '', room = 0): string {
  const name = stem + ext;
  const allowed = WINDOWS_MAX_PATH - room - parent.length - 1;
  if (name.length <= allowed) return name;
  const tag = `~${createHash('sha256').update(name).digest('hex').slice(0, 6)}`;
  const stemRoom = Math.max(MIN_FITTED, allowed) - ext.length - tag.length;
  let cut = '';
  for (const ch of stem) {
    if (cut.length + ch.length > stemRoom) break;
    cut += ch;
  }
  return `${cut.replace(/[. ]+$/, '')}${tag}${ext}`;
}

/** Room kept below an indicator's folder for a 组照 folder and a file name. */
const ROOM_BELOW_INDICATOR = 100;
/** Room kept below a 组照's folder for a photo's name. */
const ROOM_BELOW_GROUP = 50;

/** The indicator's folder in a folder export rooted at `root`. */
export function fittedIndicatorFolder(root: string, indicator: Indicator): string {
  return fitWindowsName(root, indicatorFolderName(indicator), '', ROOM_BELOW_INDICATOR);
}

export interface PacketNames {
  pdf: string;
  xlsx: string;
  folder: string;
  zip: string;
  online: string;
  gaps: string;
}

/** “…-迎检资料（第2册）.pdf” for the second of several volumes. */
export function volumeName(pdfName: string, volume: number, volumes: number): string {
  return volumes <= 1 ? pdfName : pdfName.replace(/\.pdf$/, `（第${volume}册）.pdf`);
}

export function packetNames(dossierName: string): PacketNames {
  const base = safeName(dossierName, 60);
  return {
    pdf: `${base}-迎检资料.pdf`,
    xlsx: `${base}-归档文件目录.xlsx`,
    folder: `${base}-材料`,
    zip: `${base}-材料.zip`,
    online: `${base}-网上申报`,
    gaps: `${base}-缺项报告（内部）.xlsx`,
  };
}

export function indicatorFolderName(indicator: Indicator): string {
  return safeName(`${indicator.code} ${indicator.title}`, 60);
}

const EXT_BY_TYPE: Record<string, string> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/heic': '.heic',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'video/mp4': '.mp4',
  'text/plain': '.txt',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'application/ofd': '.ofd',
  [MINUTES_MEDIA_TYPE]: '.json',
};

/** A file name's extension when it is a plain one, lower case; else the media type's. */
function extensionFrom(originalName: string, mediaType: string): string {
  const ext = path.extname(originalName);
  if (/^\.[A-Za-z0-9]{1,10}$/.test(ext)) return ext.toLowerCase();
  return EXT_BY_TYPE[mediaType] ?? '';
}

/** The original file's extension, or one from its media type; lower case, safe. */
export function extensionOf(material: Material): string {
  return extensionFrom(material.originalName, material.mediaType);
}

/** “<档号> <题名>”, e.g. “2024-D10-0007 领导小组会议纪要”: the name every form of a material shares. */
function materialBaseName(code: string, material: Material): string {
  return `${safeName(code, 40)} ${safeName(material.title, 80, MAX_NAME_BYTES - 60)}`;
}

type FilingRef = { indicator: Indicator; code: string; material: Material };

/** One file of the folder export: a stored original, or the PDF made from a 会议纪要's form. */
export interface FolderFile {
  relative: string;
  sha256: string;
  /** 'original': the stored bytes as they are; 'minutesPdf': the form printed as PDF. */
  form: 'original' | 'minutesPdf';
}

/**
 * Where a filing's files land in the folder export (forward slashes): a document or photo as
 * one file; a 组照 as a folder with each of its photos numbered in order; a 会议纪要 as its PDF,
 * with the form's data beside it, named as such.
 */
export function folderFiles(filing: FilingRef, root: string): FolderFile[] {
  const dir = fittedIndicatorFolder(root, filing.indicator);
  const dirPath = `${root}\\${dir}`;
  const m = filing.material;
  const fullBase = materialBaseName(filing.code, m);
  const file = (stem: string, ext: string) => fitWindowsName(dirPath, stem, ext);
  if (m.kind === 'photo_group' && m.photos.length > 0) {
    const digits = String(m.photos.length).length < 2 ? 2 : String(m.photos.length).length;
    const base = fitWindowsName(dirPath, fullBase, '', ROOM_BELOW_GROUP);
    return m.photos.map((p, i) => {
      const label = p.caption.trim() || path.basename(p.originalName, path.extname(p.originalName)) || m.title;
      const name = fitWindowsName(`${dirPath}\\${base}`, `${String(i + 1).padStart(digits, '0')} ${safeName(label, 60)}`, extensionFrom(p.originalName, m.mediaType));
      return { relative: `${dir}/${base}/${name}`, sha256: p.sha256, form: 'original' as const };
    });
  }
  if (m.mediaType === MINUTES_MEDIA_TYPE) {
    return [
      { relative: `${dir}/${file(fullBase, '.pdf')}`, sha256: m.sha256, form: 'minutesPdf' },
      { relative: `${dir}/${file(`${fullBase}（会议纪要数据）`, '.json')}`, sha256: m.sha256, form: 'original' },
    ];
  }
  return [{ relative: `${dir}/${file(fullBase, extensionOf(m))}`, sha256: m.sha256, form: 'original' }];
}

/** Where a filing can be found in the folder export: its file, or a 组照's folder. */
export function folderRelativePath(filing: FilingRef, root: string): string {
  const files = folderFiles(filing, root);
  return files.length > 1 && filing.material.kind === 'photo_group' ? path.posix.dirname(files[0].relative) : files[0].relative;
}
