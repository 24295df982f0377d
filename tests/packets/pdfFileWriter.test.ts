// A packet volume is written object by object (pdfRepair/pdfFileWriter.ts) so it is never held
// in memory twice; the file must be exactly what pdf-lib's own save makes of the same document,
// a photo larger than one write included, and a failed write leaves nothing behind.
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { writePdfFile } from '../../electron/core/pdfRepair/pdfFileWriter';
import { PACKET_SAVE_OPTIONS } from '../../electron/core/pdfRepair/pdfLibPacing';
import { pdfText } from '../helpers/pdfTools';
import { tempDir } from '../helpers/tempArchive';

async function sampleDoc(): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  // Noise does not compress: a JPEG of several MB, larger than one write of the writer.
  const photo = await sharp({ create: { width: 3000, height: 2200, channels: 3, background: '#486', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
    .jpeg({ quality: 95 })
    .toBuffer();
  expect(photo.length).toBeGreaterThan(4 * 1024 * 1024);
  const image = await doc.embedJpg(photo);
  for (let p = 0; p < 600; p += 1) {
    const page = doc.addPage([595, 842]);
    page.drawText(`Page ${p + 1} of the volume`, { x: 50, y: 800, size: 12, font });
    if (p % 200 === 0) page.drawImage(image, { x: 50, y: 100, width: 495, height: 363 });
  }
  return doc;
}

describe('writing a packet PDF into its file', () => {
  it("writes exactly the bytes of pdf-lib's save, and the file reads back", async () => {
    const doc = await sampleDoc();
    const file = path.join(tempDir('dossier-pdf-writer-'), '迎检资料.pdf');
    const size = await writePdfFile(doc, file);
    const saved = await doc.save({ ...PACKET_SAVE_OPTIONS, addDefaultPage: false });
    const written = fs.readFileSync(file);
    expect(size).toBe(written.length);
    expect(Buffer.compare(written, Buffer.from(saved))).toBe(0);
    expect(pdfText(file)).toContain('Page 600 of the volume');
  });

  it('never overwrites a file, and removes one cut short', async () => {
    const doc = await sampleDoc();
    const dir = tempDir('dossier-pdf-writer-');
    const existing = path.join(dir, '已有.pdf');
    fs.writeFileSync(existing, 'keep');
    await expect(writePdfFile(doc, existing)).rejects.toThrow();
    expect(fs.readFileSync(existing, 'utf8')).toBe('keep');
    // An object that fails to serialize half-way through the file.
    const broken = doc.context.obj({});
    broken.sizeInBytes = () => 10;
    broken.copyBytesInto = () => {
      throw new Error('disk full');
    };
    doc.context.register(broken);
    const cut = path.join(dir, '中断.pdf');
    await expect(writePdfFile(doc, cut)).rejects.toThrow('disk full');
    expect(fs.existsSync(cut)).toBe(false);
  });
});
