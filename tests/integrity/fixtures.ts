// Files for the integrity tests, generated on the spot (no binary fixtures in the repo).
import fs from 'node:fs';
import JSZip from 'jszip';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import yazl from 'yazl';

export async function plainPdf(file: string, pages = 1, label = 'plan'): Promise<void> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i += 1) doc.addPage().drawText(`${label} ${i + 1}`);
  fs.writeFileSync(file, await doc.save());
}

/** A PDF that runs JavaScript when opened, and one with a Launch action. */
export async function activePdf(file: string, action: 'JavaScript' | 'Launch'): Promise<void> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText('active');
  const open =
    action === 'JavaScript'
      ? doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') })
      : doc.context.obj({ S: 'Launch', F: PDFString.of('calc.exe') });
  doc.catalog.set(PDFName.of('OpenAction'), open);
  fs.writeFileSync(file, await doc.save());
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

/** A Word document carrying a VBA project (what a .docm holds). */
export async function macroDocx(file: string): Promise<void> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES, { compression: 'STORE' });
  zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>');
  zip.file('word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>');
  zip.file('word/vbaProject.bin', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]));
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

function zipBuffer(entries: { name: string; data: Buffer }[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(e.data, e.name);
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/**
 * A zip-slip archive: yazl refuses “..” in names, so write a same-length placeholder and patch
 * the bytes in both the local header and the central directory, as an attacker's tool would.
 */
export async function zipSlip(file: string, evil = '../../evil.txt'): Promise<void> {
  const placeholder = 'x'.repeat(evil.length);
  const buf = await zipBuffer([
    { name: 'ok.txt', data: Buffer.from('fine') },
    { name: placeholder, data: Buffer.from('escaped!') },
  ]);
  let at = buf.indexOf(placeholder);
  while (at !== -1) {
    buf.write(evil, at, 'latin1');
    at = buf.indexOf(placeholder, at + 1);
  }
  fs.writeFileSync(file, buf);
}

/** One entry of `mb` megabytes of zeros: a few hundred KB on disk, a large expansion. */
export async function zipBomb(file: string, mb: number): Promise<void> {
  fs.writeFileSync(file, await zipBuffer([{ name: 'zeros.bin', data: Buffer.alloc(mb * 1024 * 1024) }]));
}

/** Many tiny entries: a bomb by count rather than by size. */
export async function zipMany(file: string, count: number): Promise<void> {
  fs.writeFileSync(file, await zipBuffer(Array.from({ length: count }, (_, i) => ({ name: `f${i}.txt`, data: Buffer.from('') }))));
}
