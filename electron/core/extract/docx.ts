import JSZip from 'jszip';
import mammoth from 'mammoth';
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

/** Body text of a Word document, as mammoth reads it (paragraphs, tables, lists). */
export async function docxText(bytes: Buffer): Promise<string> {
  await guardDocx(bytes);
  const { value } = await mammoth.extractRawText({ buffer: bytes });
  return value;
}

/** Links a packet or preview may keep: the web and e-mail. `file:`, `javascript:` and the like become text. */
const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

interface MammothElement {
  type: string;
  href?: string;
  children?: MammothElement[];
}

/**
 * Hyperlinks to anything but the web or e-mail replaced by their text, internal anchors too (they
 * point nowhere once the document is merged into a packet). Walked with a stack, not recursion.
 */
function keepSafeLinks(document: MammothElement): MammothElement {
  const stack = [document];
  for (let el = stack.pop(); el; el = stack.pop()) {
    if (!el.children) continue;
    const kept: MammothElement[] = [];
    for (const child of el.children) {
      if (child.type === 'hyperlink' && !SAFE_HREF.test((child.href ?? '').trim())) {
        for (const inner of child.children ?? []) kept.push(inner);
      } else {
        kept.push(child);
      }
    }
    el.children = kept;
    for (const child of kept) stack.push(child);
  }
  return document;
}

/** A Word document as HTML (mammoth: structure, tables, images as data URIs), links made safe. */
export async function docxHtml(bytes: Buffer, fileLabel?: string): Promise<string> {
  await guardDocx(bytes, fileLabel);
  const { value } = await mammoth.convertToHtml({ buffer: bytes }, { transformDocument: keepSafeLinks });
  return value;
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
