import fs from 'node:fs/promises';
import path from 'node:path';
import type { Archive } from '../archive/archive';
import { reasons, type ReasonKey } from '../packets/pdf/labels';
import { writeAtomically } from '../photos/atomicImage';
import { ensureDerived, isPdf } from '../photos/derivedFile';
import { findOffice } from './findOffice';
import { officeExtension, officeRefusal, type OfficeRefusal } from './officeFormats';
import { ConversionFailed, officeToPdf } from './officeToPdf';

/** The converted PDF, or why there is none. */
export type OfficePdf = { file: string } | { refused: OfficeRefusal | 'noOffice' | 'failed' | 'timeout' };

/** derived/office/ab/<sha256>.pdf: a legacy Office/WPS/slides file as LibreOffice printed it, rebuildable. */
export function officePdfPath(archive: Archive, sha256: string): string {
  return path.join(archive.derivedDir, 'office', sha256.slice(0, 2), `${sha256}.pdf`);
}

/** derived/office/ab/<sha256>.json: what stopped a conversion, so a damaged file is not retried on every export. */
function failurePath(archive: Archive, sha256: string): string {
  return path.join(archive.derivedDir, 'office', sha256.slice(0, 2), `${sha256}.json`);
}

/**
 * The file's pages as PDF, converted once per content (the preview, every packet and the folder
 * export share it). Password-protected and damaged files are named before LibreOffice is asked.
 * Without LibreOffice nothing is kept, so installing it is enough for the next export.
 */
export async function officePdf(archive: Archive, sha256: string, mediaType: string, signal?: AbortSignal): Promise<OfficePdf> {
  const target = officePdfPath(archive, sha256);
  const original = archive.store.pathFor(sha256);
  const known = await readFailure(archive, sha256);
  if (known) return { refused: known };
  let timedOut = false;
  const file = await ensureDerived(target, isPdf, async () => {
    const refusal = await officeRefusal(original, mediaType).catch(() => 'damaged' as const);
    if (refusal) {
      await remember(archive, sha256, refusal);
      return null;
    }
    const office = findOffice();
    if (!office.found) return null;
    try {
      const made = await officeToPdf(office.program, original, officeExtension(mediaType), archive.tmpDir, signal);
      await writeAtomically(target, (tmp) => fs.rename(made, tmp));
      return target;
    } catch (err) {
      if (err instanceof ConversionFailed && err.why === 'cancelled') throw err;
      if (err instanceof ConversionFailed && err.why === 'timeout') timedOut = true;
      else await remember(archive, sha256, 'failed');
      return null;
    }
  });
  if (file) return { file };
  // Read back rather than kept from the closure: a caller that joined another's conversion learns why too.
  const failure = await readFailure(archive, sha256);
  if (failure) return { refused: failure };
  return { refused: findOffice().found ? (timedOut ? 'timeout' : 'failed') : 'noOffice' };
}

async function readFailure(archive: Archive, sha256: string): Promise<OfficeRefusal | 'failed' | null> {
  try {
    return (JSON.parse(await fs.readFile(failurePath(archive, sha256), 'utf8')) as { refused: OfficeRefusal | 'failed' }).refused;
  } catch {
    return null;
  }
}

async function remember(archive: Archive, sha256: string, refused: OfficeRefusal | 'failed'): Promise<void> {
  await writeAtomically(failurePath(archive, sha256), (tmp) => fs.writeFile(tmp, JSON.stringify({ refused })));
}

/** Both files, when the original goes. */
export async function removeOfficePdf(archive: Archive, sha256: string): Promise<void> {
  await fs.rm(officePdfPath(archive, sha256), { force: true });
  await fs.rm(failurePath(archive, sha256), { force: true });
}

const REASONS = {
  noOffice: 'noOffice',
  password: 'officePassword',
  damaged: 'officeDamaged',
  failed: 'officeFailed',
  timeout: 'officeTimeout',
} as const satisfies Record<Exclude<OfficePdf, { file: string }>['refused'], ReasonKey>;

/** The packet's placeholder reason for a file without pages. */
export const officeReasonKey = (refused: Exclude<OfficePdf, { file: string }>['refused']): ReasonKey => REASONS[refused];

/** For the clerk: why there are no pages, naming the program to install when that is why. */
export const officeReason = (refused: Exclude<OfficePdf, { file: string }>['refused']): string => reasons[REASONS[refused]];
