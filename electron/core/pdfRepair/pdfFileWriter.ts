import fs from 'node:fs/promises';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { PDFWriter, type PDFContext, type PDFDocument, type PDFObject, type PDFRef } from 'pdf-lib';
import { WRITE_OBJECTS_PER_TICK } from './pdfLibPacing';

/** Objects are gathered into writes of about this size; a larger one (a photo) is written alone. */
const CHUNK_BYTES = 4 * 1024 * 1024;

const ascii = (s: string) => Buffer.from(s, 'latin1');

/**
 * pdf-lib's own writer, object by object into a file instead of into one buffer of the whole
 * PDF: a packet volume of 150 MB of photos is then held once in memory (its objects), not twice.
 * The sizes and offsets are pdf-lib's (computeBufferSize), so the file is byte for byte what
 * `doc.save()` returns for the same options (a test compares them).
 */
class PdfFileWriter extends PDFWriter {
  static forDocument(doc: PDFDocument): PdfFileWriter {
    return new PdfFileWriter(doc.context, WRITE_OBJECTS_PER_TICK);
  }

  private constructor(context: PDFContext, objectsPerTick: number) {
    super(context, objectsPerTick);
  }

  async writeTo(handle: fs.FileHandle): Promise<number> {
    const { size, header, indirectObjects, xref, trailerDict, trailer } = await this.computeBufferSize();
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let used = 0;
    const flush = async () => {
      if (used > 0) await handle.write(chunk, 0, used);
      used = 0;
    };
    /** Room for `n` bytes in the chunk (flushed first if need be), or a buffer of its own. */
    const room = async (n: number): Promise<{ buffer: Buffer; at: number; alone: boolean }> => {
      if (used + n <= chunk.length) return { buffer: chunk, at: used, alone: false };
      await flush();
      if (n <= chunk.length) return { buffer: chunk, at: 0, alone: false };
      return { buffer: Buffer.allocUnsafe(n), at: 0, alone: true };
    };
    const put = async (n: number, copy: (buffer: Buffer, at: number) => number) => {
      const target = await room(n);
      const written = copy(target.buffer, target.at);
      if (target.alone) await handle.write(target.buffer, 0, written);
      else used = target.at + written;
    };
    const text = (s: string) => put(s.length, (b, at) => ascii(s).copy(b, at));

    await put(header.sizeInBytes(), (b, at) => header.copyBytesInto(b, at));
    await text('\n\n');
    for (const [index, entry] of indirectObjects.entries()) {
      const [ref, object] = entry as [PDFRef, PDFObject];
      await text(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
      await put(object.sizeInBytes(), (b, at) => object.copyBytesInto(b, at));
      await text('\nendobj\n\n');
      if ((index + 1) % this.objectsPerTick === 0) await yieldToLoop();
    }
    if (xref) {
      await put(xref.sizeInBytes(), (b, at) => xref.copyBytesInto(b, at));
      await text('\n');
    }
    if (trailerDict) {
      await put(trailerDict.sizeInBytes(), (b, at) => trailerDict.copyBytesInto(b, at));
      await text('\n\n');
    }
    await put(trailer.sizeInBytes(), (b, at) => trailer.copyBytesInto(b, at));
    await flush();
    return size;
  }
}

/**
 * Saves `doc` into `file`, which must not exist yet, as `doc.save({ useObjectStreams: false,
 * updateFieldAppearances: false })` would. A file cut short by an error is removed.
 */
export async function writePdfFile(doc: PDFDocument, file: string): Promise<number> {
  await doc.flush();
  const handle = await fs.open(file, 'wx');
  try {
    const size = await PdfFileWriter.forDocument(doc).writeTo(handle);
    await handle.close();
    return size;
  } catch (err) {
    await handle.close().catch(() => {});
    await fs.rm(file, { force: true });
    throw err;
  }
}
