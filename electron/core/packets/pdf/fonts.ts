import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFArray, PDFDict, PDFName, PDFStream, type PDFDocument, type PDFFont } from 'pdf-lib';
import subsetFont from 'subset-font';
import { withIdentityCharset } from './cffCharset';

export type FontWeight = 'regular' | 'bold';

const FILES: Record<FontWeight, string> = {
  regular: 'NotoSansHans-Regular.otf',
  bold: 'NotoSansHans-Bold.otf',
};
const POSTSCRIPT: Record<FontWeight, string> = { regular: 'NotoSansSC-Regular', bold: 'NotoSansSC-Bold' };

let fontDir: string | null = null;

/**
 * The folder holding the Noto Sans SC files of @embedpdf/fonts-sc. The package's `exports`
 * map hides package.json, so resolve its entry point and walk up to the package root.
 */
export function notoFontDir(): string {
  if (fontDir) return fontDir;
  const require = createRequire(import.meta.url);
  let dir = path.dirname(require.resolve('@embedpdf/fonts-sc'));
  for (;;) {
    const candidate = path.join(dir, 'fonts', FILES.regular);
    if (existsSync(candidate)) return (fontDir = path.join(dir, 'fonts'));
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Noto Sans SC font files not found in @embedpdf/fonts-sc');
    dir = parent;
  }
}

export function notoFontPath(weight: FontWeight): string {
  return path.join(notoFontDir(), FILES[weight]);
}

/**
 * Noto Sans SC cut down to exactly `text` (plus .notdef). harfbuzz does the subsetting because
 * pdf-lib's own subsetter (fontkit) writes CFF subsets that render blank.
 */
export async function subsetNoto(weight: FontWeight, text: string): Promise<Uint8Array> {
  const source = await fs.readFile(notoFontPath(weight));
  return subsetFont(source, uniqueChars(text), { targetFormat: 'sfnt' });
}

/** Characters of `text` once each, in code point order (stable input gives a stable subset). */
export function uniqueChars(text: string): string {
  const set = new Set<string>();
  for (const ch of text) if (ch.codePointAt(0)! >= 0x20) set.add(ch);
  return [...set].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('');
}

export interface EmbeddedFont {
  font: PDFFont;
  weight: FontWeight;
}

/**
 * Subset, then embed whole (`subset: false`). The name carries a subset tag (`ABCDEF+`), as
 * PDF expects for subset fonts; the tag comes from the character set so output is stable.
 * Text drawn with it may only use characters of `text`. After the last drawing, call
 * `doc.flush()` and then `relabelAsOpenType(doc, font)` before saving.
 */
export async function embedNotoSubset(doc: PDFDocument, weight: FontWeight, text: string): Promise<EmbeddedFont> {
  const chars = uniqueChars(text + ' ');
  const bytes = withIdentityCharset(await subsetNoto(weight, chars));
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(bytes, { subset: false, customName: `${subsetTag(weight + chars)}+${POSTSCRIPT[weight]}` });
  return { font, weight };
}

function subsetTag(seed: string): string {
  const digest = createHash('sha256').update(seed).digest();
  let tag = '';
  for (let i = 0; i < 6; i += 1) tag += String.fromCharCode(65 + (digest[i] % 26));
  return tag;
}

/**
 * pdf-lib labels every custom font a TrueType CIDFont (/CIDFontType2, /FontFile2), whatever is
 * inside; ours is OpenType with CFF outlines, which strict readers reject under that label.
 * Relabel it as ISO 32000 says: /CIDFontType0 with the file in /FontFile3 /Subtype /OpenType
 * (its charset is identity, see cffCharset.ts). Call after `doc.flush()`, when the objects exist.
 */
export function relabelAsOpenType(doc: PDFDocument, font: PDFFont): void {
  const type0 = doc.context.lookup(font.ref, PDFDict);
  const cid = type0.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
  const descriptor = cid.lookup(PDFName.of('FontDescriptor'), PDFDict);
  const fileRef = descriptor.get(PDFName.of('FontFile2')) ?? descriptor.get(PDFName.of('FontFile3'));
  const file = fileRef ? doc.context.lookup(fileRef) : undefined;
  if (!fileRef || !(file instanceof PDFStream)) throw new Error('embedded font program not found');
  cid.set(PDFName.of('Subtype'), PDFName.of('CIDFontType0'));
  cid.delete(PDFName.of('CIDToGIDMap'));
  descriptor.delete(PDFName.of('FontFile2'));
  descriptor.set(PDFName.of('FontFile3'), fileRef);
  file.dict.set(PDFName.of('Subtype'), PDFName.of('OpenType'));
}

