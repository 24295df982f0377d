import JSZip from 'jszip';
import mammoth from 'mammoth';

/** Body text of a Word document, as mammoth reads it (paragraphs, tables, lists). */
export async function docxText(bytes: Buffer): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer: bytes });
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
export async function docxTitles(bytes: Buffer): Promise<{ coreTitle: string; firstHeading: string }> {
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
