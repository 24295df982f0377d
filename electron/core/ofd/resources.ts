import { child, childText, childrenNamed, parseOfdXml, type XmlElement } from './xml';
import path from 'node:path';
import { locate, normalizePart, type OfdPackage } from './package';

export interface FontInfo {
  family: string;
  bold: boolean;
  italic: boolean;
  /** The family its embedded font file is loaded as (FontFile), null without a usable one. */
  embedded: string | null;
}

/** Largest embedded font file used: a full CJK face is some 15 MB, a writer's subset far less. */
const MAX_FONT_FILE_BYTES = 20 * 1024 * 1024;

/** Fonts, colour-free drawing parameters and images a document's pages refer to by ID. */
export interface Resources {
  fonts: Map<string, FontInfo>;
  /** Image data: URLs by MultiMedia ID. */
  images: Map<string, string>;
  /** DrawParam elements by ID (line width, colours shared by many paths). */
  drawParams: Map<string, XmlElement>;
  /** Embedded font files as data: URLs, by the family they are loaded as; shared with page resources. */
  fontFiles: Map<string, string>;
}

export function emptyResources(): Resources {
  return { fonts: new Map(), images: new Map(), drawParams: new Map(), fontFiles: new Map() };
}

/** The image formats a browser draws, by their first bytes. */
export function imageMime(bytes: Uint8Array): string | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) return 'image/gif';
  if (bytes[0] === 0x42 && bytes[1] === 0x4d) return 'image/bmp';
  return null;
}

/** TrueType or OpenType (CFF) font files, by their first bytes; collections (.ttc) are not loadable by CSS. */
function fontMime(bytes: Uint8Array): string | null {
  const tag = Buffer.from(bytes.subarray(0, 4)).toString('latin1');
  if (tag === '\0\x01\0\0' || tag === 'true') return 'font/ttf';
  if (tag === 'OTTO') return 'font/otf';
  return null;
}

export function dataUrl(bytes: Uint8Array, mime: string): string {
  return `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;
}

/**
 * Read one Res file (PublicRes.xml, DocumentRes.xml) into `into`. Its files lie under its
 * BaseLoc folder. A missing or damaged image is left out (the page draws without it); the
 * package's own structure was checked before.
 */
export async function readResources(pkg: OfdPackage, resPath: string, into: Resources): Promise<void> {
  if (!pkg.has(resPath)) return;
  const res = parseOfdXml(await pkg.text(resPath));
  // Media files are named from the Res file's BaseLoc folder (its own folder without one).
  const baseDir = res.attrs.BaseLoc ? locate(pkg, resPath, res.attrs.BaseLoc) : path.posix.dirname(resPath);
  // A MediaFile or FontFile: under the BaseLoc folder, else as a BaseLoc of the Res file itself.
  const fileIn = (file: string) => {
    const underBase = file.startsWith('/') ? normalizePart(file) : normalizePart(path.posix.join(baseDir, file));
    return pkg.has(underBase) ? underBase : locate(pkg, resPath, file);
  };
  for (const font of childrenNamed(child(res, 'Fonts'), 'Font')) {
    if (!font.attrs.ID) continue;
    into.fonts.set(font.attrs.ID, {
      family: font.attrs.FamilyName || font.attrs.FontName || '',
      bold: font.attrs.Bold === 'true',
      italic: font.attrs.Italic === 'true',
      embedded: childText(font, 'FontFile') ? await embeddedFont(pkg, fileIn(childText(font, 'FontFile')), `ofd-embedded-${font.attrs.ID}`, into) : null,
    });
  }
  for (const param of childrenNamed(child(res, 'DrawParams'), 'DrawParam')) {
    if (param.attrs.ID) into.drawParams.set(param.attrs.ID, param);
  }
  for (const media of childrenNamed(child(res, 'MultiMedias'), 'MultiMedia')) {
    const file = childText(media, 'MediaFile');
    if (!media.attrs.ID || !file) continue;
    const found = fileIn(file);
    if (!pkg.has(found)) continue;
    const bytes = await pkg.bytes(found);
    const mime = imageMime(bytes);
    if (mime) into.images.set(media.attrs.ID, dataUrl(bytes, mime));
  }
}

/** Load a Font's FontFile as `family`; null when there is none, or it is no font CSS can load. */
async function embeddedFont(pkg: OfdPackage, part: string, family: string, into: Resources): Promise<string | null> {
  if (!pkg.has(part)) return null;
  const bytes = await pkg.bytes(part);
  const mime = bytes.byteLength <= MAX_FONT_FILE_BYTES ? fontMime(bytes) : null;
  if (!mime) return null;
  into.fontFiles.set(family, dataUrl(bytes, mime));
  return family;
}
