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

/**
 * A name that is valid as one path component on Windows, macOS and Linux: no forbidden or
 * control characters, no trailing dots or spaces, not a reserved device name, at most
 * `maxLength` characters (cut between code points).
 */
export function safeName(name: string, maxLength = 80): string {
  let out = '';
  for (const ch of name) {
    if (ch.codePointAt(0)! < 0x20 || ch === '\u007f') out += ' ';
    else out += FORBIDDEN[ch] ?? ch;
  }
  out = out.replace(/\s+/g, ' ').trim();
  const chars = [...out];
  if (chars.length > maxLength) out = chars.slice(0, maxLength).join('');
  out = out.replace(/[. ]+$/, '');
  if (out === '') out = '未命名';
  if (RESERVED.test(out)) out = `_${out}`;
  return out;
}

export interface PacketNames {
  pdf: string;
  xlsx: string;
  folder: string;
  zip: string;
  online: string;
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
  };
}

export function indicatorFolderName(indicator: Indicator): string {
  return safeName(`${indicator.code} ${indicator.title}`, 60);
}

const EXT_BY_TYPE: Record<string, string> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'video/mp4': '.mp4',
  'text/plain': '.txt',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  [MINUTES_MEDIA_TYPE]: '.json',
};

/** The original file's extension, or one from its media type; lower case, safe. */
export function extensionOf(material: Material): string {
  const ext = path.extname(material.originalName);
  if (/^\.[A-Za-z0-9]{1,10}$/.test(ext)) return ext.toLowerCase();
  return EXT_BY_TYPE[material.mediaType] ?? '';
}


/** “<档号> <题名><ext>”, e.g. “2024-D10-0007 领导小组会议纪要.pdf”. */
export function materialFileName(code: string, material: Material): string {
  return `${safeName(code, 40)} ${safeName(material.title, 80)}${extensionOf(material)}`;
}

/** Where a filing's original lands in the folder export, with forward slashes. */
export function folderRelativePath(filing: { indicator: Indicator; code: string; material: Material }): string {
  return `${indicatorFolderName(filing.indicator)}/${materialFileName(filing.code, filing.material)}`;
}
