import fs from 'node:fs/promises';
import path from 'node:path';
import type { Archive } from '../archive/archive';
import { writeAtomically } from '../photos/atomicImage';
import { ensureDerived, isPdf } from '../photos/derivedFile';

/** The kinds of material printed once and kept under derived/<kind>/. */
export type PrintedKind = 'minutes' | 'ofd';
export const PRINTED_KINDS: readonly PrintedKind[] = ['minutes', 'ofd'];

/** derived/<kind>/ab/<sha256>.pdf: a stored file printed once, rebuildable from it. */
export function printedPdfPath(archive: Archive, kind: PrintedKind, sha256: string): string {
  return path.join(archive.derivedDir, kind, sha256.slice(0, 2), `${sha256}.pdf`);
}

/**
 * The PDF of a stored file, printed by `print` on first use and kept: every packet, folder
 * export and preview then carries the same bytes, export after export. A failed print is
 * rethrown (nothing is written).
 */
export async function printedPdf(archive: Archive, kind: PrintedKind, sha256: string, print: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const target = printedPdfPath(archive, kind, sha256);
  let failure: unknown = null;
  const file = await ensureDerived(target, isPdf, async () => {
    try {
      const pdf = await print();
      await writeAtomically(target, (tmp) => fs.writeFile(tmp, pdf));
      return target;
    } catch (err) {
      failure = err;
      return null;
    }
  });
  if (!file) throw failure ?? new Error(`${kind} 未能生成 PDF`);
  return fs.readFile(file);
}
