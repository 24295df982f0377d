import fs from 'node:fs/promises';
import { hostilePdf } from '../extract/pdfReader';
import { checkPdf } from './check';
import { decryptPdf } from './decrypt';
import { rasterizePdf } from './rasterize';
import { rebuildPdf } from './rebuild';

/** What a PDF needs before pdf-lib can copy its pages cleanly. */
export type Prepared =
  /** qpdf finds nothing wrong and it is not encrypted: the original as it is. */
  | { state: 'clean' }
  /** A copy made for merging: decrypted, rebuilt, and/or with damaged pages drawn as images. */
  | { state: 'derived'; bytes: Uint8Array; decrypted: boolean; drawnPages: number[] }
  /** It needs a password to open. */
  | { state: 'password' }
  /** No reader could open it either (cut off, say). */
  | { state: 'unreadable' }
  /**
   * A decompression bomb (or a read that had to be stopped: `remember` false, since a busy PC
   * may stop an honest file): never handed to qpdf or pdf.js.
   */
  | { state: 'hostile'; reason: string; remember: boolean };

/**
 * Decide, for the stored PDF at `file`, how its pages can go into a packet so that the packet
 * passes `qpdf --check`. Every step works on copies: the original is only read.
 *   1. qpdf --check: clean and unencrypted → the original.
 *   2. Encrypted with an owner password only → qpdf --decrypt (clean → done).
 *   3. Damaged (or decrypted and damaged) → pdf-lib copies the pages into a fresh file (new
 *      xref, true lengths); pages qpdf still finds damaged are drawn by pdf.js.
 *   4. What pdf-lib cannot read but pdf.js opens → every page drawn.
 * A page whose content inflates past the cap (a bomb) is never handed to qpdf or pdf.js: the
 * file cannot be merged, like one no reader opens.
 */
export async function preparePdf(file: string, size: number): Promise<Prepared> {
  const hostile = await hostilePdf({ file }, size);
  if (hostile) return { state: 'hostile', reason: hostile.reason, remember: !hostile.stopped };
  const first = await checkPdf({ file }, size);
  if (first.status === 'password') return { state: 'password' };
  if (first.status === 'ok' && first.encrypted === false) return { state: 'clean' };
  const original = new Uint8Array(await fs.readFile(file));
  // qpdf stops before it reads the encryption of a file it cannot parse: the trailer tells.
  const encrypted = first.encrypted ?? Buffer.from(original.buffer, original.byteOffset, original.byteLength).includes('/Encrypt');
  let base: Uint8Array | null = original;
  let decrypted = false;
  if (encrypted) {
    const plain = await decryptPdf({ file }, size);
    if (plain === 'password') return { state: 'password' };
    // Decrypted, its streams can be measured at last.
    const opened = plain && (await hostilePdf({ bytes: plain }));
    if (opened) return { state: 'hostile', reason: opened.reason, remember: !opened.stopped };
    base = plain;
    decrypted = plain !== null;
    if (plain && first.status === 'ok') return { state: 'derived', bytes: plain, decrypted, drawnPages: [] };
  }
  const rebuilt = base ? await rebuildPdf(base) : null;
  if (rebuilt) return { state: 'derived', bytes: rebuilt.bytes, decrypted, drawnPages: rebuilt.drawnPages };
  const drawn = await rasterizePdf(original);
  if (drawn === 'password') return { state: 'password' };
  if (drawn) {
    const pages = Array.from({ length: drawn.pageCount }, (_, i) => i + 1);
    return { state: 'derived', bytes: drawn.bytes, decrypted: encrypted, drawnPages: pages };
  }
  return { state: 'unreadable' };
}
