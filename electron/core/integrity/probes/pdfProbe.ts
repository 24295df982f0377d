import fs from 'node:fs/promises';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream, type PDFObject } from 'pdf-lib';
import { unusable, usable, type Probe } from './types';

const S = PDFName.of('S');
const JS = PDFName.of('JS');
const JAVASCRIPT = PDFName.of('JavaScript');
const LAUNCH = PDFName.of('Launch');

/** Parse the PDF; find encryption and active content (JavaScript, Launch actions). */
export async function probePdf(file: string): Promise<Probe> {
  const bytes = await fs.readFile(file);
  const encrypted = bytes.includes('/Encrypt');
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  } catch {
    return unusable('PDF 无法解析（文件损坏或不完整）');
  }
  const active = findActiveContent(doc);
  // Object streams of an encrypted file cannot be read without the key: scan the raw bytes too.
  if (bytes.includes('/JavaScript') || bytes.includes('/JS ') || bytes.includes('/JS(')) active.add('JavaScript 脚本');
  if (bytes.includes('/Launch')) active.add('启动外部程序的动作（Launch）');
  const security: string[] = [];
  if (encrypted || doc.isEncrypted) security.push('PDF 已加密，长期保存时可能无法打开，也无法合并进迎检资料');
  for (const what of active) security.push(`PDF 含有${what}`);
  return usable({ pageCount: doc.getPageCount(), security });
}

function findActiveContent(doc: PDFDocument): Set<string> {
  const found = new Set<string>();
  const seen = new Set<PDFObject>();
  const visit = (obj: PDFObject | undefined, depth: number): void => {
    if (!obj || depth > 32 || seen.has(obj)) return;
    seen.add(obj);
    const dict = obj instanceof PDFDict ? obj : obj instanceof PDFStream ? obj.dict : null;
    if (dict) {
      const s = dict.get(S);
      if (s === JAVASCRIPT || dict.has(JS)) found.add('JavaScript 脚本');
      if (s === LAUNCH) found.add('启动外部程序的动作（Launch）');
      for (const [, value] of dict.entries()) if (!(value instanceof PDFStream)) visit(value, depth + 1);
    } else if (obj instanceof PDFArray) {
      for (const item of obj.asArray()) visit(item, depth + 1);
    }
  };
  for (const [, obj] of doc.context.enumerateIndirectObjects()) visit(obj, 0);
  return found;
}
