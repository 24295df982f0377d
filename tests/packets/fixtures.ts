// Input files for the packet tests, generated on the spot. The one binary fixture is a real
// PDF (tests/fixtures/pdf/, see its README), from which the damaged variants below are made.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import JSZip from 'jszip';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import sharp from 'sharp';
import { embedNotoSubset, relabelAsOpenType } from '../../electron/core/packets/pdf/fonts';
import { fixture } from '../helpers/fixtureFiles';

/** A PDF whose pages carry Chinese text (one line per page), drawn with the Noto subset. */
export async function chinesePdf(file: string, pageLines: string[]): Promise<void> {
  const doc = await PDFDocument.create();
  const { font } = await embedNotoSubset(doc, 'regular', pageLines.join(''));
  for (const line of pageLines) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(line, { x: 72, y: 700, size: 20, font });
  }
  await doc.flush();
  relabelAsOpenType(doc, font);
  fs.writeFileSync(file, await doc.save());
}

/** A landscape JPEG stored sideways: EXIF orientation 6 means “rotate 90° clockwise to view”. */
export async function sidewaysJpeg(file: string, width: number, height: number): Promise<void> {
  const half = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 3;
      const left = x < width / 2;
      half[i] = left ? 200 : 30;
      half[i + 1] = 40;
      half[i + 2] = left ? 30 : 200;
    }
  }
  await sharp(half, { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 }).withMetadata({ orientation: 6 }).toFile(file);
}

export async function png(file: string, width: number, height: number): Promise<void> {
  await sharp({ create: { width, height, channels: 4, background: { r: 40, g: 160, b: 90, alpha: 1 } } })
    .png()
    .toFile(file);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

function escapeXml(text: string): string {
  return text.replace(/[&<>]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[ch] ?? ch);
}

/** The smallest valid DOCX: content types, package relationships, one document part. */
export async function docx(file: string, paragraphs: string[]): Promise<void> {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(p)}</w:t></w:r></w:p>`).join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`;
  const zip = new JSZip();
  // Stored first and uncompressed, as Word does, so type sniffing finds it.
  zip.file('[Content_Types].xml', CONTENT_TYPES, { compression: 'STORE' });
  zip.file('_rels/.rels', RELS);
  zip.file('word/document.xml', document);
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/**
 * AES-256 encrypted copy of a PDF, with a user password (so it cannot be opened or merged).
 * Without object streams: the importer (materials/inspect) recognises encryption only when
 * pdf-lib can still read the file's structure; encrypted object streams hide it.
 */
export function encryptPdf(source: string, file: string): void {
  execFileSync('qpdf', ['--object-streams=disable', '--encrypt', 'user', 'owner', '256', '--', source, file]);
}

/** A real MP4 (H.264 + AAC, 1.5 s; see tests/fixtures/media/README.md). */
export function mp4(file: string): void {
  fs.writeFileSync(file, fixture('media', '活动视频.mp4'));
}

export function inputPath(dir: string, name: string): string {
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

/** pdfTeX output, 17 pages, object and xref streams: a PDF as real-world tools write them. */
export const REAL_PDF = path.resolve(import.meta.dirname, '../fixtures/pdf/shared-mime-info-spec.pdf');

/**
 * An owner password only, as government PDFs come: no printing, no changes, no copying; every
 * reader opens it without asking. AES-256 (R6) by default; 128 is RC4 (R3), as older tools wrote.
 */
export function ownerPasswordPdf(source: string, file: string, bits: 128 | 256 = 256): void {
  const cipher = bits === 128 ? ['--allow-weak-crypto', '--encrypt', '', 'owner', '128', '--use-aes=n'] : ['--encrypt', '', 'owner', '256'];
  execFileSync('qpdf', [...cipher, '--print=none', '--modify=none', '--extract=n', '--', source, file]);
}

/** A user password (object streams kept, as qpdf writes them): it cannot be opened without it. */
export function userPasswordPdf(source: string, file: string): void {
  execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', source, file]);
}

/** Object numbers of each page's content streams, in page order. */
async function contentStreams(bytes: Uint8Array): Promise<number[][]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return doc.getPages().map((page) => {
    const contents = page.node.get(PDFName.of('Contents'));
    if (contents instanceof PDFRef) return [contents.objectNumber];
    if (contents instanceof PDFArray) return contents.asArray().map((r) => (r as PDFRef).objectNumber);
    return [];
  });
}

/**
 * The first page whose (Flate) content stream is over 2000 bytes gets 40 bytes in the middle of
 * that stream flipped, as a bad sector or a broken transfer does: the stream no longer inflates
 * past that point (qpdf: "stream inflate: … invalid distance too far back"); readers show the
 * part before it. Every other byte, the xref offsets included, stays as it was. Returns the page (1-based).
 */
export async function damagedContentPdf(source: string, file: string): Promise<number> {
  const bytes = fs.readFileSync(source);
  const pages = await contentStreams(bytes);
  const text = bytes.toString('latin1');
  for (const [index, objects] of pages.entries()) {
    const m = new RegExp(`(?:^|\\s)${objects[0]} 0 obj\\s*<<([^]*?)>>\\s*stream\\r?\\n`).exec(text);
    const length = m && /\/Length (\d+)/.exec(m[1]);
    if (!m || !length || Number(length[1]) <= 2000) continue;
    const middle = m.index + m[0].length + Math.floor(Number(length[1]) / 2) - 20;
    const out = Buffer.from(bytes);
    for (let i = 0; i < 40; i += 1) out[middle + i] ^= 0x5a;
    fs.writeFileSync(file, out);
    return index + 1;
  }
  throw new Error(`no content stream over 2000 bytes in ${source}`);
}

/**
 * Page `page` (1-based) gets tokens no content stream may hold ("unexpected >"), inside a
 * stream that still inflates: qpdf warns and names the page object, readers skip them. The file
 * is rewritten by pdf-lib for that (new stream length).
 */
export async function badTokensPdf(source: string, file: string, page: number): Promise<void> {
  const doc = await PDFDocument.load(fs.readFileSync(source), { updateMetadata: false });
  const ref = doc.getPages()[page - 1].node.get(PDFName.of('Contents')) as PDFRef;
  const stream = doc.context.lookup(ref) as PDFRawStream;
  const content = zlib.inflateSync(stream.contents).toString('latin1');
  const at = content.indexOf('\n', content.length >> 1) + 1;
  const broken = Buffer.from(`${content.slice(0, at)} >@ > ${content.slice(at)}`, 'latin1');
  doc.context.assign(ref, PDFRawStream.of(stream.dict, zlib.deflateSync(broken)));
  fs.writeFileSync(file, await doc.save({ useObjectStreams: false }));
}

/** The first `fraction` of the file, as an interrupted download leaves it. */
export function truncatedPdf(source: string, file: string, fraction = 0.6): void {
  const bytes = fs.readFileSync(source);
  fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * fraction)));
}

/** startxref points 117 bytes past the xref (stream): readers have to rebuild the table. */
export function brokenXrefPdf(source: string, file: string): void {
  const text = fs.readFileSync(source).toString('latin1');
  const at = text.lastIndexOf('startxref');
  const offset = /startxref\s+(\d+)/.exec(text.slice(at))![1];
  const moved = String(Number(offset) + 117);
  fs.writeFileSync(file, Buffer.from(text.slice(0, at) + text.slice(at).replace(offset, moved), 'latin1'));
}
