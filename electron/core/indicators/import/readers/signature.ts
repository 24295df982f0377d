import { ApiError } from '../../../../../shared/errors';

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE compound file: what Office writes for password-encrypted .xlsx/.docx, and for old .xls/.doc. */
export function isCompoundFile(bytes: Buffer): boolean {
  return bytes.length >= CFB.length && CFB.every((b, i) => bytes[i] === b);
}

function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Refuse, with a reason the clerk can act on, anything that is not an Office Open XML package. */
export function assertOfficePackage(bytes: Buffer, fileLabel: string, kind: 'xlsx' | 'docx'): void {
  const app = kind === 'xlsx' ? 'Excel' : 'Word';
  if (bytes.length === 0) throw new ApiError('bad_input', `“${fileLabel}”是空文件（0 字节），请确认选择了正确的文件`);
  if (isCompoundFile(bytes)) {
    throw new ApiError(
      'bad_input',
      `“${fileLabel}”设置了打开密码（已加密），或是旧版 .${kind === 'xlsx' ? 'xls' : 'doc'} 文件改了扩展名，无法读取。` +
        `请在 ${app} 中打开它，取消密码（文件 → 信息 → 保护${kind === 'xlsx' ? '工作簿' : '文档'} → 用密码进行加密，清空密码），` +
        `再另存为 .${kind} 后重新导入`,
    );
  }
  if (!isZip(bytes)) {
    throw new ApiError(
      'bad_input',
      `“${fileLabel}”不是有效的 .${kind} 文件（文件已损坏或扩展名不对）。请在 ${app} 或 WPS 中打开并另存为 .${kind} 后再导入`,
    );
  }
}
