import { DOCX_MEDIA_TYPE as DOCX, OFD_MEDIA_TYPE as OFD, XLSX_MEDIA_TYPE as XLSX } from '../../../shared/domain';
import fs from 'node:fs/promises';
import type { MaterialPreview } from '../../../shared/domain';
import type { Archive } from '../archive/archive';
import { docxHtml } from '../extract/docx';
import { decodePlainText } from '../extract/plainText';
import { readSheets } from '../extract/xlsx';
import { readMinutes } from '../materials/minutes';
import { readOfd } from '../ofd/document';
import { ofdPreviewHtml } from '../ofd/html';
import { getMaterial } from '../materials/repo';
import { isOfficeToConvert } from '../convert/officeFormats';
import { officePdf, officeReason } from '../convert/officePdf';

const MAX_ROWS = 300;
const MAX_TEXT = 100_000;

/**
 * What the renderer needs to show a material without plugins. PDFs, photos and videos are read
 * by the renderer from their file URL; DOCX becomes HTML (mammoth; the renderer shows it in a
 * sandboxed frame), OFD its pages as SVG, XLSX a table per sheet, legacy Office/WPS/slides LibreOffice's PDF, text as text, minutes as the form.
 */
export async function previewMaterial(archive: Archive, materialId: number): Promise<MaterialPreview> {
  const m = getMaterial(archive.db, materialId);
  if (m.kind === 'minutes') return { type: 'minutes', form: await readMinutes(archive, materialId) };
  if (m.kind === 'photo_group') return { type: 'photos', photos: m.photos };
  if (m.mediaType === 'application/pdf') return { type: 'pdf' };
  // Before the thumbnail test: a video's poster frame is its thumbnail, but the video is no image.
  if (m.kind === 'video') return { type: 'video' };
  if (m.hasThumbnail) return { type: 'image' };
  const file = archive.store.pathFor(m.sha256);
  if (m.mediaType === DOCX) {
    return { type: 'html', html: await docxHtml(await fs.readFile(file), m.title) };
  }
  // The same page drawings the packet prints, with a line naming its 电子签章 (never verified).
  if (m.mediaType === OFD) return { type: 'html', html: ofdPreviewHtml(await readOfd(await fs.readFile(file))) };
  if (m.mediaType === XLSX) return { type: 'sheets', sheets: await readSheets(await fs.readFile(file), MAX_ROWS, m.title) };
  if (isOfficeToConvert(m.mediaType) || m.mediaType === 'application/x-cfb') {
    const pdf = await officePdf(archive, m.sha256, m.mediaType);
    return 'file' in pdf ? { type: 'office', converted: true } : { type: 'office', converted: false, reason: officeReason(pdf.refused) };
  }
  if (m.mediaType === 'text/plain') {
    const text = decodePlainText(await fs.readFile(file));
    return { type: 'text', text: text.slice(0, MAX_TEXT), truncated: text.length > MAX_TEXT };
  }
  return { type: 'file' };
}
