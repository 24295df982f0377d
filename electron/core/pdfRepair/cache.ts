import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Archive } from '../archive/archive';
import { writeAtomically } from '../photos/atomicImage';

/** Raised when what a marker means changes (or qpdf does): older markers are then made again. */
const MARKER_VERSION = 1;

/** What the check found for one stored PDF, kept so it runs once per file, not per export. */
export type Finding =
  | { state: 'clean' | 'password' | 'unreadable' | 'hostile' }
  /** `sha256` is the derived copy's, so a damaged or replaced copy is noticed and made again. */
  | { state: 'derived'; sha256: string; decrypted: boolean; drawnPages: number[] };

export type Marker = Finding & { version: number };

/** derived/pdf/ab/<sha256>.pdf beside derived/thumbs/ and derived/views/: rebuildable. */
export function derivedPdfPath(archive: Archive, sha256: string): string {
  return path.join(archive.derivedDir, 'pdf', sha256.slice(0, 2), `${sha256}.pdf`);
}

function markerPath(archive: Archive, sha256: string): string {
  return path.join(archive.derivedDir, 'pdf', sha256.slice(0, 2), `${sha256}.json`);
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The marker, or null when there is none, it does not parse, or it is from another version. */
export async function readMarker(archive: Archive, sha256: string): Promise<Marker | null> {
  try {
    const marker = JSON.parse(await fs.readFile(markerPath(archive, sha256), 'utf8')) as Marker;
    return marker.version === MARKER_VERSION ? marker : null;
  } catch {
    return null;
  }
}

/** The derived copy if it is there and still the one the marker names. */
export async function readDerived(archive: Archive, sha256: string, marker: Finding & { state: 'derived' }): Promise<Uint8Array | null> {
  try {
    const bytes = new Uint8Array(await fs.readFile(derivedPdfPath(archive, sha256)));
    return sha256Of(bytes) === marker.sha256 ? bytes : null;
  } catch {
    return null;
  }
}

/** Copy first, then the marker that names it, each through a temporary name. */
export async function storeResult(archive: Archive, sha256: string, finding: Finding, derived?: Uint8Array): Promise<void> {
  if (derived) await writeAtomically(derivedPdfPath(archive, sha256), (tmp) => fs.writeFile(tmp, derived));
  const marker: Marker = { version: MARKER_VERSION, ...finding };
  await writeAtomically(markerPath(archive, sha256), (tmp) => fs.writeFile(tmp, JSON.stringify(marker)));
}

/** Both files of one stored PDF, when the original goes. */
export async function removeDerivedPdf(archive: Archive, sha256: string): Promise<void> {
  await fs.rm(derivedPdfPath(archive, sha256), { force: true });
  await fs.rm(markerPath(archive, sha256), { force: true });
}
