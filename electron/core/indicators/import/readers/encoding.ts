import iconv from 'iconv-lite';
import { ApiError } from '../../../../../shared/errors';

/**
 * Decode a text file the way Chinese Windows users produce them: UTF-8 (with or without BOM),
 * UTF-16 (Excel’s “Unicode 文本”), or GB18030/GBK (Excel’s default “CSV (逗号分隔)” on a
 * Chinese Windows). Strict UTF-8 is tried first because GBK bytes are almost never valid UTF-8,
 * while UTF-8 bytes always “decode” as some GBK mojibake.
 */
export function decodeText(bytes: Buffer, fileLabel: string): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return strictUtf8(bytes.subarray(3), fileLabel);
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), 'utf16-be');
  if (bytes.includes(0)) throw unreadable(fileLabel, '文件中含有二进制内容，不是文本格式的表格');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: fall through to GB18030, a superset of GBK and GB2312.
  }
  const text = iconv.decode(bytes, 'gb18030');
  if (text.includes('\uFFFD')) throw unreadable(fileLabel, '既不是 UTF-8 也不是 GBK/GB18030 编码');
  return text;
}

function strictUtf8(bytes: Buffer, fileLabel: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw unreadable(fileLabel, '文件开头标明是 UTF-8，但内容中有无效的 UTF-8 字节');
  }
}

function unreadable(fileLabel: string, reason: string): ApiError {
  return new ApiError(
    'bad_input',
    `无法识别“${fileLabel}”的文字编码：${reason}。请用 Excel 或 WPS 打开后另存为“CSV UTF-8（逗号分隔）”或 .xlsx 再导入`,
  );
}
