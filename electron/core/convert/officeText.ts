import fs from 'node:fs/promises';
import type { Archive } from '../archive/archive';
import { extractText, type ExtractedText } from '../extract/extractText';
import { readPdfStructure } from '../extract/pdfReader';
import { officePdf } from './officePdf';

/**
 * The searchable text of a legacy Word/Excel, WPS or slides file: read from the PDF LibreOffice
 * makes of it (kept for the preview and the packet), within the same limits as any PDF. Without
 * LibreOffice, or when it cannot convert the file, nothing is read and the read counts as failed,
 * so adding the file again once LibreOffice is installed reads it.
 */
export async function officeText(archive: Archive, sha256: string, mediaType: string): Promise<ExtractedText> {
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
