// A stored file's format as a clerk names it ("PDF 文档", "Word 文档"), never its media type.
import { MINUTES_MEDIA_TYPE } from './materials';

const exact: Record<string, string> = {
  'application/pdf': 'PDF 文档',
  'application/msword': 'Word 文档（.doc）',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word 文档',
  'application/vnd.ms-excel': 'Excel 表格（.xls）',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel 表格',
  'application/vnd.ms-powerpoint': 'PowerPoint 演示文稿（.ppt）',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint 演示文稿',
  'application/vnd.ms-works': 'WPS 文字文档（.wps）',
  'application/x-cfb': '旧版 Office 文件',
  'application/rtf': 'RTF 文档',
  'application/zip': 'ZIP 压缩包',
  'application/x-rar-compressed': 'RAR 压缩包',
  'application/x-7z-compressed': '7z 压缩包',
  'application/vnd.ms-outlook': 'Outlook 邮件',
  'application/ofd': 'OFD 文档',
  'text/plain': '文本文件',
  'text/csv': 'CSV 表格',
  'text/html': '网页文件',
  'image/jpeg': 'JPEG 图片',
  'image/png': 'PNG 图片',
  'image/gif': 'GIF 图片',
  'image/bmp': 'BMP 图片',
  'image/tiff': 'TIFF 图片',
  'image/webp': 'WebP 图片',
  'image/heic': 'HEIC 照片',
  'image/heif': 'HEIF 照片',
  'application/octet-stream': '未知格式文件',
  [MINUTES_MEDIA_TYPE]: '会议纪要',
};

/** The Chinese name of a media type; a family name ("视频文件") when the exact type is not listed. */
export function formatName(mediaType: string | null | undefined): string {
  const mime = (mediaType ?? '').toLowerCase().split(';')[0].trim();
  if (exact[mime]) return exact[mime];
  if (mime.startsWith('video/')) return '视频文件';
  if (mime.startsWith('audio/')) return '音频文件';
  if (mime.startsWith('image/')) return '图片';
  if (mime.startsWith('text/')) return '文本文件';
  if (mime.includes('word')) return 'Word 文档';
  if (mime.includes('sheet') || mime.includes('excel')) return 'Excel 表格';
  return '未知格式文件';
}
