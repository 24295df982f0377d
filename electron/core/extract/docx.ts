import JSZip from 'jszip';
import { readOffice } from './officeReader';
import { guardOffice, type OoxmlLimits } from './ooxmlGuard';

/**
 * What a Word document filed as a material may unpack to: text well beyond any real document,
 * photos included. A DTD is refused whatever the size.
 */
const DOCX_LIMITS: OoxmlLimits = { maxXmlBytes: 256 * 1024 * 1024, maxTotalBytes: 1024 * 1024 * 1024, rules: [] };

/** Refuse (OfficeRefusedError) a DOCX with a DTD or an unpacked size past the limits. */
export function guardDocx(bytes: Buffer, fileLabel?: string): Promise<void> {
  return guardOffice(bytes, DOCX_LIMITS, fileLabel);
}

/** Body text of a Word document, as mammoth reads it (paragraphs, tables, lists), on the reader thread. */
export async function docxText(bytes: Buffer): Promise<string> {
  await guardDocx(bytes);
  return readOffice<string>('docxText', bytes);
}

/**
 * A Word document as HTML (mammoth: structure, tables, images as data URIs), on the reader
 * thread; links only to the web and e-mail are kept (see officeReader.ts).
 */
export async function docxHtml(bytes: Buffer, fileLabel?: string): Promise<string> {
  await guardDocx(bytes, fileLabel);
  return readOffice<string>('docxHtml', bytes);
}

/** A header or footer as text for a page's margin box; U+E000 stands for the page number, U+E001 for the page count. */
export interface DocxMarginText {
  lines: string[];
  align: 'left' | 'center' | 'right';
  font: { family: string; sizePt: number | null; color: string; bold: boolean } | null;
  /** From the page edge to the header's top (the footer's bottom), as Word's sectPr says. */
  distancePt: number | null;
}

/** One docx-preview page group (a section, or the part between two page breaks). */
export interface DocxPageSetup {
  widthPt: number;
  heightPt: number;
  marginPt: { top: number; right: number; bottom: number; left: number };
  header: DocxMarginText | null;
  footer: DocxMarginText | null;
}

/**
 * A Word document laid out as it looks (docx-preview on the reader thread, see
 * docxLayoutTask.ts): its style sheets, its body as <section style="page: docx-page-N"> per page
 * group, and each group's page setup.
 */
export interface DocxLayout {
  css: string;
  body: string;
  pages: DocxPageSetup[];
}

export async function docxLayout(bytes: Buffer, fileLabel?: string): Promise<DocxLayout> {
  await guardDocx(bytes, fileLabel);
  return readOffice<DocxLayout>('docxLayout', bytes);
}

const decodeXml = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();

/**
 * What a DOCX says its title is: docProps/core.xml's dc:title, and the first paragraph styled as
 * a title or heading. Either may be missing; nothing is guessed from the body text.
 */
export async function docxTitles(bytes: Buffer, fileLabel?: string): Promise<{ coreTitle: string; firstHeading: string }> {
  await guardDocx(bytes, fileLabel);
  const zip = await JSZip.loadAsync(bytes);
  const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
  const coreTitle = decodeXml(/<dc:title[^>]*>([\s\S]*?)<\/dc:title>/.exec(core)?.[1] ?? '');
  const document = (await zip.file('word/document.xml')?.async('string')) ?? '';
  let firstHeading = '';
  for (const para of document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const style = /<w:pStyle w:val="([^"]+)"/.exec(para[0])?.[1] ?? '';
    if (!/^(title|heading\s?1|heading1|1|标题|标题\s?1)$/i.test(style)) continue;
    const text = [...para[0].matchAll(/<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>/g)].map((m) => decodeXml(m[1])).join('');
    if (text) {
      firstHeading = text;
      break;
    }
  }
  return { coreTitle, firstHeading };
}
