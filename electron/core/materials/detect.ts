import { DOCX_MEDIA_TYPE as DOCX, OFD_MEDIA_TYPE as OFD, XLSX_MEDIA_TYPE as XLSX } from '../../../shared/domain';
import { fileTypeFromFile } from 'file-type';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { MaterialKind } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { isOfdPackage } from '../ofd/sniff';
import { PPT_MEDIA_TYPE as PPT, PPTX_MEDIA_TYPE as PPTX } from '../convert/officeFormats';

export interface Detected {
  kind: MaterialKind;
  mediaType: string;
  /** Set when the extension names another format than the content holds. */
  notice?: string;
}

const WPS = 'application/vnd.ms-works';

/** What each format is called for the clerk, by media type. */
const formatNames: Record<string, string> = {
  'application/pdf': 'PDF 文件',
  [DOCX]: 'Word 文档（DOCX）',
  [XLSX]: 'Excel 表格（XLSX）',
  [OFD]: 'OFD 文档',
  'application/msword': 'Word 文档（DOC）',
  [WPS]: 'WPS 文档',
  'application/vnd.ms-excel': 'Excel 表格（XLS）',
  [PPT]: 'PowerPoint 演示文稿（PPT）',
  [PPTX]: 'PowerPoint 演示文稿（PPTX）',
  'text/plain': '文本文件',
  'image/jpeg': 'JPEG 照片',
  'image/png': 'PNG 图片',
  'image/webp': 'WebP 图片',
  'image/tiff': 'TIFF 图片',
  'image/heic': 'HEIC 照片',
  'image/heif': 'HEIF 照片',
  'video/mp4': 'MP4 视频',
  'video/quicktime': 'MOV 视频',
  'video/vnd.avi': 'AVI 视频',
  'video/x-msvideo': 'AVI 视频',
  'video/x-ms-asf': 'WMV 视频',
  'video/matroska': 'MKV 视频',
  'video/x-flv': 'FLV 视频',
  'video/3gpp': '3GP 视频',
  'audio/mpeg': 'MP3 录音',
  'audio/x-m4a': 'M4A 录音',
  'audio/mp4': 'M4A 录音',
  'audio/wav': 'WAV 录音',
  'audio/amr': 'AMR 录音',
};

/** The format an extension promises, so a lie can be named. */
const extensionFormats: Record<string, string> = {
  '.pdf': 'PDF 文件',
  '.docx': 'Word 文档（DOCX）',
  '.doc': 'Word 文档（DOC）',
  '.wps': 'WPS 文档',
  '.xlsx': 'Excel 表格（XLSX）',
  '.ofd': 'OFD 文档',
  '.xls': 'Excel 表格（XLS）',
  '.et': 'WPS 表格',
  '.ppt': 'PowerPoint 演示文稿（PPT）',
  '.pptx': 'PowerPoint 演示文稿（PPTX）',
  '.dps': 'WPS 演示',
  '.txt': '文本文件',
  '.jpg': 'JPEG 照片',
  '.jpeg': 'JPEG 照片',
  '.png': 'PNG 图片',
  '.webp': 'WebP 图片',
  '.tif': 'TIFF 图片',
  '.tiff': 'TIFF 图片',
  '.heic': 'HEIC 照片',
  '.heif': 'HEIF 照片',
  '.mp4': 'MP4 视频',
  '.mov': 'MOV 视频',
  '.avi': 'AVI 视频',
  '.wmv': 'WMV 视频',
  '.mkv': 'MKV 视频',
  '.flv': 'FLV 视频',
  '.3gp': '3GP 视频',
  '.mp3': 'MP3 录音',
  '.m4a': 'M4A 录音',
  '.wav': 'WAV 录音',
  '.amr': 'AMR 录音',
};

/** Which extensions fit which detected media type (no notice when they agree). */
const fittingExtensions: Record<string, string[]> = {
  'application/pdf': ['.pdf'],
  [DOCX]: ['.docx'],
  [XLSX]: ['.xlsx'],
  [OFD]: ['.ofd'],
  'application/msword': ['.doc', '.dot'],
  [WPS]: ['.wps'],
  'application/vnd.ms-excel': ['.xls', '.et'],
  // A password-protected .pptx is an OLE file like a .ppt.
  [PPT]: ['.ppt', '.pps', '.dps', '.pptx'],
  [PPTX]: ['.pptx'],
  'image/jpeg': ['.jpg', '.jpeg', '.jfif'],
  'image/png': ['.png'],
  'image/webp': ['.webp'],
  'image/tiff': ['.tif', '.tiff'],
  'image/heic': ['.heic', '.heif'],
  'image/heif': ['.heic', '.heif'],
  'video/mp4': ['.mp4', '.m4v'],
  'video/quicktime': ['.mov', '.mp4'],
  'video/vnd.avi': ['.avi'],
  'video/x-msvideo': ['.avi'],
  'video/x-ms-asf': ['.wmv', '.asf'],
  'video/matroska': ['.mkv'],
  'video/x-flv': ['.flv'],
  'video/3gpp': ['.3gp'],
  'audio/mpeg': ['.mp3'],
  'audio/x-m4a': ['.m4a'],
  'audio/mp4': ['.m4a'],
  'audio/wav': ['.wav'],
  'audio/amr': ['.amr'],
};

function kindOf(mime: string): MaterialKind {
  if (mime.startsWith('image/')) return 'photo';
  // Recordings are 声像 material as videos are: one kind, 音视频资料.
  if (mime.startsWith('video/') || mime.startsWith('audio/')) return 'video';
  if (mime === XLSX || mime === 'application/vnd.ms-excel') return 'spreadsheet';
  if (mime === 'application/pdf' || mime === OFD || mime === DOCX || mime === 'application/msword' || mime === WPS) return 'document';
  if (mime === PPT || mime === PPTX) return 'document';
  if (mime === 'text/plain') return 'document';
  if (mime === 'application/rtf') return 'document';
  return 'other';
}

/**
 * Formats whose files may be plain text throughout. Any other format file-type names has binary
 * bytes in its header, so a file that looks like text is text: file-type knows BMP by “BM” alone
 * (a note beginning “BMI…”, or random base64 one time in 4096, was refused as a damaged picture),
 * and an .exe by “MZ”.
 */
const TEXTUAL_FORMATS = new Set(['application/pdf', 'application/rtf', 'application/xml', 'image/svg+xml', 'text/plain']);

/** Text has no magic bytes: no NUL in the first 64 KB and mostly printable. */
async function looksLikeText(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r');
  try {
    const buf = Buffer.alloc(65536);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    if (head.includes(0)) return false;
    let control = 0;
    for (const b of head) if (b < 0x09 || (b > 0x0d && b < 0x20)) control += 1;
    return control <= bytesRead / 100;
  } finally {
    await handle.close();
  }
}

/**
 * The format file-type reads in the content's first bytes, or undefined where there is no
 * signature: text looks like none, whatever its first letters resemble. The import and
 * 四性检测 (integrity/typeCheck.ts) read signatures through here, so they agree.
 */
export async function signatureOf(file: string): Promise<{ mime: string; ext: string } | undefined> {
  const type = await fileTypeFromFile(file);
  if (!type || TEXTUAL_FORMATS.has(type.mime)) return type;
  return (await looksLikeText(file)) ? undefined : type;
}

/**
 * Kind from the content's magic bytes, never from the extension. The extension only
 * disambiguates containers that look alike inside (an OLE file may be .doc, .xls, .wps or .ppt) and
 * names the format a file claimed when its content turns out to be something else.
 */
export async function detectKind(file: string): Promise<Detected> {
  const type = await signatureOf(file);
  const ext = path.extname(file).toLowerCase();
  const claimed = extensionFormats[ext];
  let mime = (type?.mime as string | undefined) ?? null;
  if (mime === 'application/x-cfb') {
    if (ext === '.xls' || ext === '.et') mime = 'application/vnd.ms-excel';
    else if (ext === '.ppt' || ext === '.pps' || ext === '.dps' || ext === '.pptx') mime = PPT;
    else mime = ext === '.wps' ? WPS : 'application/msword';
  }
  // An OFD is a plain ZIP to file-type: told apart by OFD.xml at its root, or by its extension
  // when the directory cannot be read (a cut-off .ofd is then refused as an OFD, with its reason).
  if (mime === 'application/zip' && (ext === '.ofd' || (await isOfdPackage(file)))) mime = OFD;
  if (!mime) {
    if (await looksLikeText(file)) mime = 'text/plain';
    else if (claimed) throw new ApiError('bad_input', `扩展名为 ${ext}，但内容不是${claimed}（文件已损坏或扩展名有误）`);
    else return { kind: 'other', mediaType: 'application/octet-stream' };
  }
  if (mime === 'text/plain' && claimed && ext !== '.txt') {
    throw new ApiError('bad_input', `扩展名为 ${ext}，但内容是纯文本，不是${claimed}（文件已损坏或扩展名有误）`);
  }
  const kind = kindOf(mime);
  if (kind === 'other' && claimed) {
    throw new ApiError('bad_input', `扩展名为 ${ext}，但内容不是${claimed}（实际为 ${type?.ext ?? '未知'} 格式）`);
  }
  const fits = mime === 'text/plain' ? ['.txt', '.csv', '.md', '.log', ''] : (fittingExtensions[mime] ?? []);
  const notice =
    claimed && !fits.includes(ext)
      ? `扩展名为 ${ext}，内容实为${formatNames[mime] ?? mime}，已按内容归档`
      : undefined;
  return { kind, mediaType: mime === 'video/x-msvideo' ? 'video/vnd.avi' : mime, notice };
}
