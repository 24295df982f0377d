import fs from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { ApiError } from '../../../shared/errors';

export interface Inspection {
  pageCount: number | null;
  width: number | null;
  height: number | null;
  /** Encrypted PDFs are kept, but cannot be merged into a packet. */
  encrypted: boolean;
}

/** Open the file as its format; a file that does not open is refused with the reason. */
export async function inspectFile(file: string, mediaType: string, size: number): Promise<Inspection> {
  if (size === 0) throw new ApiError('bad_input', '文件为空（0 字节）');
  if (mediaType === 'application/pdf') return inspectPdf(file);
  if (mediaType.startsWith('image/')) return inspectImage(file, mediaType);
  return { pageCount: null, width: null, height: null, encrypted: false };
}

async function inspectPdf(file: string): Promise<Inspection> {
  const bytes = await fs.readFile(file);
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    return { pageCount: doc.getPageCount(), width: null, height: null, encrypted: false };
  } catch {
    // pdf-lib refuses encrypted files, and with encrypted object streams it fails before it can
    // say why: the /Encrypt entry in the trailer (or xref stream dictionary) is what tells.
    if (bytes.includes('/Encrypt')) {
      const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false }).catch(() => null);
      return { pageCount: doc?.getPageCount() ?? null, width: null, height: null, encrypted: true };
    }
    throw new ApiError('bad_input', 'PDF 文件已损坏或不完整，无法打开');
  }
}

async function inspectImage(file: string, mediaType: string): Promise<Inspection> {
  try {
    const meta = await sharp(file, { failOn: 'error' }).metadata();
    // Decode fully once: a truncated JPEG has a valid header but fails here.
    await sharp(file, { failOn: 'error' }).resize(8, 8).toBuffer();
    const swap = (meta.orientation ?? 1) >= 5;
    return {
      pageCount: 1,
      width: (swap ? meta.height : meta.width) ?? null,
      height: (swap ? meta.width : meta.height) ?? null,
      encrypted: false,
    };
  } catch {
    if (mediaType === 'image/heic' || mediaType === 'image/heif') {
      throw new ApiError('bad_input', '无法解码 HEIC 照片（本机不支持 HEVC 解码），请在手机或相册中导出为 JPEG 后再添加');
    }
    throw new ApiError('bad_input', '图片已损坏或不完整，无法打开');
  }
}
