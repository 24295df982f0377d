import fs from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { ApiError } from '../../../shared/errors';
import { encryptedPdfPages } from '../pdfRepair/health';
import { withoutPdfLibWarnings } from '../pdfRepair/quiet';
import { probeFile } from '../integrity/probes';
import { undecodableImage } from './thumbnails';

export interface Inspection {
  pageCount: number | null;
  width: number | null;
  height: number | null;
  /**
   * A PDF that needs a password to open: kept, but it cannot be merged into a packet. One with
   * only an owner password (no copying or printing) opens without one and is merged decrypted.
   */
  encrypted: boolean;
  /** The title a PDF's Info dictionary names ('' when none). */
  title: string;
}

const none = { pageCount: null, width: null, height: null, encrypted: false, title: '' };

/** Open the file as its format; a file that does not open is refused with the reason. */
export async function inspectFile(file: string, mediaType: string, size: number): Promise<Inspection> {
  if (size === 0) throw new ApiError('bad_input', '文件为空（0 字节）');
  if (mediaType === 'application/pdf') return inspectPdf(file);
  if (mediaType.startsWith('image/')) return inspectImage(file, mediaType);
  if (OPENED_AT_IMPORT.test(mediaType)) {
    // The same reader 四性检测 uses: a truncated video or a cut-off .doc is refused now, with the
    // reason, not found broken the week before the inspection.
    const probe = await probeFile(file, mediaType, path.basename(file));
    if (probe.unusable) throw new ApiError('bad_input', probe.unusable);
  }
  return none;
}

/** Video, audio and legacy Office: opened by their readers before they are stored. */
const OPENED_AT_IMPORT = /^(video\/|audio\/|application\/(msword|vnd\.ms-excel|vnd\.ms-works)$)/;

/** Titles some tools write for every file, which say nothing about this one. */
function meaningfulTitle(title: string | undefined): string {
  const t = (title ?? '').trim();
  if (!t || /^(untitled|无标题|document|文档\d*|microsoft word - .*)$/i.test(t)) return '';
  return t;
}

async function inspectPdf(file: string): Promise<Inspection> {
  const bytes = await fs.readFile(file);
  // A cut-off download or copy loses the trailer; pdf-lib would still load what it can.
  if (!bytes.subarray(Math.max(0, bytes.length - 2048)).includes('%%EOF')) {
    throw new ApiError('bad_input', 'PDF 文件不完整（文件末尾缺失，可能下载或复制未完成），无法打开');
  }
  let doc: PDFDocument;
  try {
    doc = await withoutPdfLibWarnings(() => PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false }));
  } catch {
    // With encrypted object streams pdf-lib fails before it can say why: the /Encrypt entry in
    // the trailer (or xref stream dictionary) tells.
    if (bytes.includes('/Encrypt')) return inspectEncrypted(file, bytes.length, null);
    throw new ApiError('bad_input', 'PDF 文件已损坏或不完整，无法打开');
  }
  if (doc.isEncrypted) return inspectEncrypted(file, bytes.length, safely(() => doc.getPageCount()));
  let title = '';
  try {
    title = meaningfulTitle(doc.getTitle());
  } catch {
    // A damaged Info dictionary only loses the prefill.
  }
  // A PDF without a usable page tree loads, then fails here: that is a damaged file too.
  const pageCount = safely(() => doc.getPageCount());
  if (pageCount === null || pageCount === 0) throw new ApiError('bad_input', 'PDF 文件已损坏（找不到页面），无法打开');
  return { ...none, pageCount, title };
}

/** pdf-lib cannot decrypt: qpdf tries the empty user password (an owner password only) and counts. */
async function inspectEncrypted(file: string, size: number, pageCount: number | null): Promise<Inspection> {
  const pages = await encryptedPdfPages(file, size);
  if (pages === 'password') return { ...none, pageCount, encrypted: true };
  return { ...none, pageCount: pages ?? pageCount };
}

/** A value from a PDF whose encrypted structures may not read; null when they do not. */
function safely<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/** Header only: the full decode happens once, when the thumbnail is made (see thumbnails.ts). */
async function inspectImage(file: string, mediaType: string): Promise<Inspection> {
  try {
    const meta = await sharp(file, { failOn: 'error' }).metadata();
    const swap = (meta.orientation ?? 1) >= 5;
    return {
      ...none,
      pageCount: 1,
      width: (swap ? meta.height : meta.width) ?? null,
      height: (swap ? meta.width : meta.height) ?? null,
    };
  } catch {
    throw undecodableImage(mediaType);
  }
}
