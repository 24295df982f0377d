import fs from 'node:fs/promises';
import { pdfjsOpens } from '../extract/pdfReader';
import { checkPdf, needsPassword } from './check';
import { runQpdf } from './qpdfWorker';

/** Does a stored PDF open, is it damaged, does it need a password: for 四性检测 and the import. */
export interface PdfHealth {
  /** A reader opens it without a password (for a damaged file: pdf.js, which recovers as readers do). */
  opens: boolean;
  needsPassword: boolean;
  /** Encrypted with an owner password only: copying or printing forbidden, opens without one. */
  restricted: boolean;
  /** qpdf found damage in its structure or content. */
  damaged: boolean;
  /** For the clerk, in Chinese; empty when nothing is wrong. */
  reasons: string[];
}

export const healthReasons = {
  password: 'PDF 设置了打开密码，没有密码无法打开，也无法合并到迎检资料中',
  restricted: 'PDF 设置了权限密码（限制复制、打印或修改），无需密码即可打开，导出迎检资料时可正常合并',
  damagedOpens: 'PDF 文件有损坏（qpdf 检查发现错误），阅读器仍可打开；编入迎检资料时将修复，无法修复的页面以图片代替',
  damagedUnreadable: 'PDF 文件已损坏，阅读器无法打开，也无法合并到迎检资料中',
} as const;

/** The verdict on the PDF at `file`; runs qpdf's check (in its worker), and pdf.js only for a damaged file. */
export async function pdfHealth(file: string): Promise<PdfHealth> {
  const { size } = await fs.stat(file);
  const check = await checkPdf({ file }, size);
  if (check.status === 'password') {
    return { opens: false, needsPassword: true, restricted: false, damaged: false, reasons: [healthReasons.password] };
  }
  const restricted = check.encrypted === true;
  if (check.status === 'ok') {
    return { opens: true, needsPassword: false, restricted, damaged: false, reasons: restricted ? [healthReasons.restricted] : [] };
  }
  const opens = await pdfjsOpensFile(file);
  if (opens === 'password') {
    return { opens: false, needsPassword: true, restricted: false, damaged: true, reasons: [healthReasons.password] };
  }
  const reasons: string[] = [opens ? healthReasons.damagedOpens : healthReasons.damagedUnreadable];
  if (restricted && opens) reasons.push(healthReasons.restricted);
  return { opens, needsPassword: false, restricted, damaged: true, reasons };
}

/** pdf.js decides for a damaged file, on the reader thread (a damaged file may be a hostile one). */
async function pdfjsOpensFile(file: string): Promise<boolean | 'password'> {
  const opened = await pdfjsOpens({ file });
  if ('stopped' in opened) return false;
  return opened.password ? 'password' : opened.opens;
}

/**
 * For the import of an encrypted PDF (pdf-lib cannot read it): its page count when it opens
 * without a password, 'password' when it needs one, null when qpdf cannot tell.
 */
export async function encryptedPdfPages(file: string, size: number): Promise<number | 'password' | null> {
  const run = await runQpdf(['--show-npages', '/in.pdf'], { file }, size);
  if ('stopped' in run) return null;
  if (needsPassword(run)) return 'password';
  const pages = run.rc === 0 ? Number(run.messages[0]) : NaN;
  return Number.isInteger(pages) ? pages : null;
}
