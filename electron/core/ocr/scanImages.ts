import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import sharp from 'sharp';

/**
 * Pages (1-based, of those asked) whose scanned JPEG does not decode. pdf.js skips an image it
 * cannot decode without a word (the page comes out blank or grey), so the image itself is put to
 * libjpeg: a clerk is told which page of the scan cannot be read instead of finding it silently
 * empty. Only DCT (JPEG) images are checked: what scanners and phones write.
 */
export async function undecodableScanPages(bytes: Uint8Array, pages: number[]): Promise<number[]> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false });
  } catch {
    return []; // pdf.js opened it; without a structure pdf-lib reads, its drawing decides
  }
  const all = doc.getPages();
  const bad: number[] = [];
  for (const n of pages) {
    const xobjects = all[n - 1]?.node.Resources()?.lookup(PDFName.of('XObject'));
    if (!(xobjects instanceof PDFDict)) continue;
    for (const [, ref] of xobjects.entries()) {
      const image = doc.context.lookup(ref);
      if (!(image instanceof PDFRawStream) || String(image.dict.get(PDFName.of('Filter'))) !== '/DCTDecode') continue;
      try {
        await sharp(image.contents, { failOn: 'error' }).resize(8, 8, { fit: 'fill' }).raw().toBuffer();
      } catch {
        bad.push(n);
        break;
      }
    }
  }
  return bad;
}
