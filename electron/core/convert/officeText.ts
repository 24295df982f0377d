import fs from 'node:fs/promises';
import type { Archive } from '../archive/archive';
import { extractText, type ExtractedText } from '../extract/extractText';
import { slidesText, wordText } from '../extract/legacyText';
import { clip } from '../extract/limits';
import { readPdfStructure } from '../extract/pdfReader';
import { officeRefusal, PPTX_MEDIA_TYPE } from './officeFormats';
import { officePdf } from './officePdf';

/** Formats a well-kept JavaScript library reads the words of, without LibreOffice. */
const LIBRARY_READERS: Record<string, (bytes: Buffer) => Promise<string>> = {
  'application/msword': wordText,
  'application/vnd.ms-works': wordText,
  [PPTX_MEDIA_TYPE]: slidesText,
};

/** Past this a reader would hold the whole file in memory; LibreOffice's PDF is read page by page instead. */
const MAX_LIBRARY_BYTES = 256 * 1024 * 1024;

/**
 * The searchable text of a legacy Word/Excel, WPS or slides file. Word 97–2003, WPS 文字 and .pptx
 * are read by a library on the reader thread: no LibreOffice needed, and the import does not wait
 * for a conversion (the pages are made when first previewed or exported). Otherwise, or when the
 * library finds nothing, the text is read from the PDF LibreOffice makes of it (kept for the
 * preview and the packet), within the same limits as any PDF. Without LibreOffice, or when it
 * cannot convert the file, nothing is read and the read counts as failed, so adding the file again
 * once LibreOffice is installed reads it.
 */
export async function officeText(archive: Archive, sha256: string, mediaType: string): Promise<ExtractedText> {
  const read = await libraryText(archive.store.pathFor(sha256), mediaType);
  if (read) return { text: clip(read), failed: false, note: '' };
  return convertedText(archive, sha256, mediaType);
}

/** The library's words, or null where it has none to give (another format, a password, damage, an empty read). */
async function libraryText(file: string, mediaType: string): Promise<string | null> {
  const reader = LIBRARY_READERS[mediaType];
  if (!reader) return null;
  const { size } = await fs.stat(file);
  // A protected or damaged file: the PDF path records why, so the packet and 四性检测 name it.
  if (size > MAX_LIBRARY_BYTES || (await officeRefusal(file, mediaType))) return null;
  const text = await reader(await fs.readFile(file)).catch(() => '');
  return text.trim() ? text : null;
}

async function convertedText(archive: Archive, sha256: string, mediaType: string): Promise<ExtractedText> {
  const pdf = await officePdf(archive, sha256, mediaType);
  if ('refused' in pdf) {
    const note = pdf.refused === 'noOffice' ? '未找到 LibreOffice，未读取文字用于检索（安装 LibreOffice 后重新添加即可按内容检索）' : '';
    return { text: '', failed: true, note };
  }
  const size = (await fs.stat(pdf.file)).size;
  const structure = await readPdfStructure({ file: pdf.file }, size);
  if (!('ok' in structure) || !structure.ok.loaded) return { text: '', failed: true, note: '' };
  const { textPages, pageCount, hostile } = structure.ok;
  return extractText(pdf.file, 'application/pdf', size, { textPages: hostile ? 0 : textPages, pageCount: pageCount ?? 0, hostile });
}
