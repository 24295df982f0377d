import fs from 'node:fs/promises';
import { readOfd } from './document';
import { OfdUnreadable } from './package';
import { ofdText } from './text';

/** Largest OFD opened whole: far beyond a 公文 with its scans, well inside memory. */
export const MAX_OFD_BYTES = 512 * 1024 * 1024;

export interface OfdFacts {
  pageCount: number;
  title: string;
  signatures: number;
  /** The text for search, read on the way (see text.ts). */
  text: string;
}

/**
 * Open an OFD file as a reader would: every page's content read, resources and stamps found.
 * Throws OfdUnreadable with the reason (import refuses the file, 四性检测 reports it).
 */
export async function inspectOfd(file: string): Promise<OfdFacts> {
  const { size } = await fs.stat(file);
  if (size > MAX_OFD_BYTES) throw new OfdUnreadable(`OFD 文件超过 ${MAX_OFD_BYTES / 1024 / 1024} MB 的上限，无法打开`);
  const doc = await readOfd(await fs.readFile(file));
  return { pageCount: doc.pages.length, title: doc.title.trim(), signatures: doc.signatures, text: ofdText(doc) };
}

/** What the clerk is told about a signed OFD: it carries 电子签章, shown but never verified. */
export function signatureNotice(signatures: number): string | undefined {
  return signatures > 0 ? `OFD 文档带有 ${signatures} 个电子签章（本程序显示签章图像，但不验证签章是否有效）` : undefined;
}
