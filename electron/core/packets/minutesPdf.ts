import fs from 'node:fs/promises';
import path from 'node:path';
import type { Archive } from '../archive/archive';
import { writeAtomically } from '../photos/atomicImage';
import { ensureDerived, isPdf } from '../photos/derivedFile';
import type { HtmlRenderer } from '../render/htmlRenderer';
import { renderMinutes } from './htmlSources';

/** derived/minutes/ab/<sha256>.pdf: a 会议纪要's form printed once, rebuildable from the form. */
export function minutesPdfPath(archive: Archive, sha256: string): string {
  return path.join(archive.derivedDir, 'minutes', sha256.slice(0, 2), `${sha256}.pdf`);
}

/**
 * The PDF of a 会议纪要, made from its stored form on first use and kept: the packet and the
 * folder (or zip) export then carry the same bytes, and the manifest the same hash, export
 * after export. Throws MinutesUnreadable when the form does not read.
 */
export async function minutesPdf(archive: Archive, sha256: string, title: string, renderer: HtmlRenderer): Promise<Uint8Array> {
  const target = minutesPdfPath(archive, sha256);
  let failure: unknown = null;
  const file = await ensureDerived(target, isPdf, async () => {
    try {
      const pdf = await renderMinutes(archive.store.pathFor(sha256), title, renderer);
      await writeAtomically(target, (tmp) => fs.writeFile(tmp, pdf));
      return target;
    } catch (err) {
      failure = err;
      return null;
    }
  });
  if (!file) throw failure ?? new Error('会议纪要未能生成 PDF');
  return fs.readFile(file);
}
