import { DOCX_MEDIA_TYPE as DOCX, OFD_MEDIA_TYPE as OFD, XLSX_MEDIA_TYPE as XLSX } from '../../../shared/domain';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Metadata } from 'sharp';
import { ApiError } from '../../../shared/errors';
import { encryptedPdfPages } from '../pdfRepair/health';
import type { PdfTextBudget } from '../extract/extractText';
import { PDF_LIMITS, readPdfStructure, stoppedReason } from '../extract/pdfReader';
import { probeFile } from '../integrity/probes';
import { inspectOfd, signatureNotice } from '../ofd/inspect';
import { listZip, UnsafeZipError, type ZipLimits } from '../zip';
import { readSlice } from '../store/readSlice';
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
  /** Text read while opening the file (an OFD's), so that it is not read twice; absent otherwise. */
  bodyText?: string;
  /** How far a PDF's text may be read (its content budget); absent for other kinds. */
  pdfText?: PdfTextBudget;
  /** For the clerk: the file is kept, but something about it could not be read now (or is worth knowing, as an OFD's 电子签章). */
  notice?: string;
}

const none = { pageCount: null, width: null, height: null, encrypted: false, title: '' };

/** Open the file as its format; a file that does not open is refused with the reason. */
export async function inspectFile(file: string, mediaType: string, size: number): Promise<Inspection> {
  if (size === 0) throw new ApiError('bad_input', '文件为空（0 字节）');
  if (mediaType === 'application/pdf') return inspectPdf(file, size);
  if (mediaType.startsWith('image/')) return inspectImage(file, mediaType);
  if (mediaType === OFD) {
    // Refused now when it does not open (OfdUnreadable names why), as a cut-off PDF is.
    const ofd = await inspectOfd(file);
    return { ...none, pageCount: ofd.pageCount, title: meaningfulTitle(ofd.title), notice: signatureNotice(ofd.signatures), bodyText: ofd.text };
  }
  if (mediaType === DOCX || mediaType === XLSX) await checkOfficeZip(file);
  if (OPENED_AT_IMPORT.test(mediaType)) {
    // The same reader 四性检测 uses: a truncated video or a cut-off .doc is refused now, with the
    // reason, not found broken the week before the inspection.
    const probe = await probeFile(file, mediaType, path.basename(file));
    if (probe.unusable) throw new ApiError('bad_input', probe.unusable);
  }
  return none;
}


/**
 * A Word or Excel file is a zip that mammoth and ExcelJS inflate whole: its directory is read
 * first and a bomb refused before a byte is inflated. XML packs tightly (a sheet of repeated
 * cells reaches a few hundred to one), so the ratio allowed is far above the backup's.
 */
const OFFICE_ZIP_LIMITS: ZipLimits = { maxEntries: 10_000, maxTotalBytes: 512 * 1024 * 1024, maxRatio: 1_000 };

async function checkOfficeZip(file: string): Promise<void> {
  try {
    await listZip(file, OFFICE_ZIP_LIMITS);
  } catch (err) {
    if (err instanceof UnsafeZipError) throw new ApiError('bad_input', `文件内部的压缩数据异常：${err.message}`);
    throw new ApiError('bad_input', '文件已损坏或不完整（内部压缩结构无法读取），无法打开');
  }
}

/** Video, audio and legacy Office: opened by their readers before they are stored. */
const OPENED_AT_IMPORT = /^(video\/|audio\/|application\/(msword|vnd\.ms-excel|vnd\.ms-works|vnd\.ms-powerpoint|vnd\.openxmlformats-officedocument\.presentationml\.presentation)$)/;

/** Titles some tools write for every file, which say nothing about this one. */
function meaningfulTitle(title: string | undefined): string {
  const t = (title ?? '').trim();
  if (!t || /^(untitled|无标题|document|文档\d*|microsoft word - .*)$/i.test(t)) return '';
  return t;
}

async function inspectPdf(file: string, size: number): Promise<Inspection> {
  // A cut-off download or copy loses the trailer; pdf-lib would still load what it can.
  if (!(await readSlice(file, size - 2048, 2048)).includes('%%EOF')) {
    throw new ApiError('bad_input', 'PDF 文件不完整（文件末尾缺失，可能下载或复制未完成），无法打开');
  }
  const outcome = await readPdfStructure({ file }, size);
  // Kept, not refused: a busy PC (or a hostile file) may stop the read, and the clerk's file must
  // not be lost for it. 四性检测 and the packet read it again within their own limits.
  if ('stopped' in outcome) {
    return { ...none, notice: `PDF 文件${stoppedReason(outcome.stopped, size)}（文件结构异常，或本机正忙），已保存原件，但未读取页数和文字；可稍后运行四性检测复查` };
  }
  if ('error' in outcome) throw new ApiError('bad_input', 'PDF 文件已损坏或不完整，无法打开');
  const pdf = outcome.ok;
  // With encrypted object streams pdf-lib fails before it can say why: the /Encrypt entry in
  // the trailer (or xref stream dictionary) tells.
  if (!pdf.loaded) {
    if (pdf.encryptMarker) return inspectEncrypted(file, size, null);
    throw new ApiError('bad_input', 'PDF 文件已损坏或不完整，无法打开');
  }
  if (pdf.encrypted) return inspectEncrypted(file, size, pdf.pageCount);
  // A PDF without a usable page tree loads, then fails here: that is a damaged file too.
  if (!pdf.pageCount) throw new ApiError('bad_input', 'PDF 文件已损坏（找不到页面），无法打开');
  return { ...none, pageCount: pdf.pageCount, title: meaningfulTitle(pdf.title), pdfText: { textPages: pdf.hostile ? 0 : pdf.textPages, pageCount: pdf.pageCount, hostile: pdf.hostile } };
}

/** pdf-lib cannot decrypt: qpdf tries the empty user password (an owner password only) and counts. */
async function inspectEncrypted(file: string, size: number, pageCount: number | null): Promise<Inspection> {
  const pages = await encryptedPdfPages(file, size);
  if (pages === 'password') return { ...none, pageCount, encrypted: true };
  const count = pages ?? pageCount;
  // pdf.js decrypts an owner-password file; its streams cannot be measured first, so only the
  // reader thread's time limit bounds its text.
  return { ...none, pageCount: count, pdfText: { textPages: Math.min(count ?? 0, PDF_LIMITS.maxTextPages), pageCount: count ?? 0, hostile: null } };
}

/** Pixels decoded for a thumbnail at most: sharp's own default, about 16383 × 16383 (a 268-megapixel image). */
export const MAX_IMAGE_PIXELS = 0x3fff * 0x3fff;

/** Header only: the full decode happens once, when the thumbnail is made (see thumbnails.ts). */
async function inspectImage(file: string, mediaType: string): Promise<Inspection> {
  let meta: Metadata;
  try {
    // The header only: sharp would refuse a huge one without saying its size.
    meta = await sharp(file, { failOn: 'error', limitInputPixels: false }).metadata();
  } catch {
    throw undecodableImage(mediaType);
  }
  const { width = 0, height = 0 } = meta;
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new ApiError('bad_input', `图片像素过多（${width} × ${height}，超过约 16383 × 16383 的上限），无法生成缩略图，未导入；请缩小后再添加`);
  }
  const swap = (meta.orientation ?? 1) >= 5;
  return { ...none, pageCount: 1, width: (swap ? height : width) || null, height: (swap ? width : height) || null };
}
