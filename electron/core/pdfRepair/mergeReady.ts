import fs from 'node:fs/promises';
import type { Archive } from '../archive/archive';
import { readDerived, readMarker, sha256Of, storeResult, type Finding } from './cache';
import { preparePdf } from './prepare';

export type MergeReady =
  | {
      /** Bytes pdf-lib can copy so that the result passes `qpdf --check`. */
      bytes: Uint8Array;
      /** Taken from a copy without the owner password's encryption. */
      decrypted: boolean;
      /** 1-based pages shown as drawings of damaged originals. */
      drawnPages: number[];
    }
  /** password: it needs one to open; unreadable: no reader opens it; hostile: a decompression bomb. */
  | { refused: 'password' | 'unreadable' | 'hostile' };

/** Checks in flight by archive and hash: a packet and its 网上申报 PDFs asking for one file check it once. */
const pending = new Map<string, Promise<MergeReady>>();

/**
 * The stored PDF `sha256` ready for merging into a packet: the original when qpdf finds it clean
 * and unencrypted, else a derived copy (decrypted, rebuilt, damaged pages drawn: see prepare.ts)
 * kept under derived/pdf/. What was found is remembered there, so each file is checked once; a
 * missing or damaged entry is simply made again. The original is only ever read. Rejects with
 * ENOENT when the original is missing.
 */
export async function mergeReadyPdf(archive: Archive, sha256: string): Promise<MergeReady> {
  const marker = await readMarker(archive, sha256);
  if (marker) {
    const known = await fromFinding(archive, sha256, marker);
    if (known) return known;
  }
  const key = `${archive.derivedDir}\0${sha256}`;
  let made = pending.get(key);
  if (!made) {
    made = examine(archive, sha256).finally(() => pending.delete(key));
    pending.set(key, made);
  }
  return made;
}

async function fromFinding(archive: Archive, sha256: string, finding: Finding): Promise<MergeReady | null> {
  switch (finding.state) {
    case 'clean':
      return { bytes: new Uint8Array(await fs.readFile(archive.store.pathFor(sha256))), decrypted: false, drawnPages: [] };
    case 'password':
    case 'unreadable':
    case 'hostile':
      return { refused: finding.state };
    case 'derived': {
      const bytes = await readDerived(archive, sha256, finding);
      return bytes && { bytes, decrypted: finding.decrypted, drawnPages: finding.drawnPages };
    }
  }
}

/** The cache only saves time: a derived/ that cannot be written costs a check next time. */
async function remember(archive: Archive, sha256: string, finding: Finding, bytes?: Uint8Array): Promise<void> {
  try {
    await storeResult(archive, sha256, finding, bytes);
  } catch {
    /* read-only or full disk: the export itself will say so if it matters */
  }
}

async function examine(archive: Archive, sha256: string): Promise<MergeReady> {
  const file = archive.store.pathFor(sha256);
  const { size } = await fs.stat(file);
  const prepared = await preparePdf(file, size);
  // An older import may have taken an owner-password file for one that cannot be merged.
  if (prepared.state === 'derived' || prepared.state === 'clean') {
    archive.db.prepare('UPDATE blob SET encrypted = 0 WHERE sha256 = ? AND encrypted = 1').run(sha256);
  }
  if (prepared.state === 'derived') {
    const { bytes, decrypted, drawnPages } = prepared;
    await remember(archive, sha256, { state: 'derived', sha256: sha256Of(bytes), decrypted, drawnPages }, bytes);
    return { bytes, decrypted, drawnPages };
  }
  // A bomb is remembered; a read stopped on a busy PC is tried again next time.
  if (prepared.state !== 'hostile' || prepared.remember) await remember(archive, sha256, { state: prepared.state });
  if (prepared.state === 'clean') return { bytes: new Uint8Array(await fs.readFile(file)), decrypted: false, drawnPages: [] };
  return { refused: prepared.state };
}
