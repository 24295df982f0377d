// Hostile PDFs made on the spot: content streams that inflate far beyond their size on disk.
import fs from 'node:fs/promises';
import { once } from 'node:events';
import zlib from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream, StandardFonts } from 'pdf-lib';

/** Deflate `inflatedBytes` of repeated text-drawing operators, in pieces (never whole in memory). */
export async function deflatedOperators(inflatedBytes: number): Promise<Buffer> {
  const unit = Buffer.from('BT /F1 12 Tf 72 700 Td (A) Tj ET\n'.repeat(2048));
  const deflate = zlib.createDeflate({ level: 9, memLevel: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (c: Buffer) => chunks.push(c));
  for (let written = 0; written < inflatedBytes; written += unit.length) {
    if (!deflate.write(unit)) await once(deflate, 'drain');
  }
  deflate.end();
  await once(deflate, 'end');
  return Buffer.concat(chunks);
}

/**
 * A PDF of `pages` pages whose content is one Flate stream of `inflatedBytes`, shared by every
 * page (pages = 1: a plain decompression bomb); `twice`: deflated again, under two Flate filters.
 */
export async function bombPdf(file: string, inflatedBytes: number, pages = 1, twice = false): Promise<void> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const deflated = await deflatedOperators(inflatedBytes);
  const compressed = twice ? zlib.deflateSync(deflated, { level: 9 }) : deflated;
  const Filter = twice ? ['FlateDecode', 'FlateDecode'] : 'FlateDecode';
  const stream = PDFRawStream.of(doc.context.obj({ Filter, Length: compressed.length }), compressed);
  const ref = doc.context.register(stream);
  for (let n = 0; n < pages; n += 1) {
    const page = doc.addPage([595, 842]);
    page.setFont(font);
    page.node.set(PDFName.of('Contents'), ref);
  }
  await fs.writeFile(file, await doc.save({ useObjectStreams: false }));
}

/** An ordinary small text PDF, to prove the import still reads real text beside the bombs. */
export async function textPdf(file: string, text: string): Promise<void> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText(text, { x: 72, y: 700, size: 14, font });
  await fs.writeFile(file, await doc.save());
}
