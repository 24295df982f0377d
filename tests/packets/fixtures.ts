// Input files for the packet tests, generated on the spot: no binary fixtures in the repo.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { embedNotoSubset, relabelAsOpenType } from '../../electron/core/packets/pdf/fonts';

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

/** Enough of an MP4 for type sniffing: an ftyp box and a little mdat. */
export function mp4(file: string): void {
  const ftyp = Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from('ftypisom', 'ascii'),
    Buffer.from([0, 0, 2, 0]),
    Buffer.from('isomiso2', 'ascii'),
  ]);
  const payload = Buffer.alloc(2048, 7);
  const mdat = Buffer.concat([Buffer.from([0, 0, 0x08, 0x08]), Buffer.from('mdat', 'ascii'), payload]);
  fs.writeFileSync(file, Buffer.concat([ftyp, mdat]));
}

export function inputPath(dir: string, name: string): string {
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
