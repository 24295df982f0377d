import { PDFDocument } from 'pdf-lib';
import { openPdfjs } from '../extract/pdfjs';
import { pdfjsOpens } from '../extract/pdfReader';
import { assemble, type Assembled } from './assemble';
import { checkPdf, type PdfCheck } from './check';
import { withoutPdfLibWarnings } from './quiet';
import { renderPage, type RenderedPage } from './renderPage';

export interface Rebuilt {
  bytes: Uint8Array;
  /** 1-based pages that are drawings of the damaged originals. */
  drawnPages: number[];
}

/** A damaged file as far as pdf-lib reads it; null when it cannot, or when it is encrypted. */
async function loadLeniently(bytes: Uint8Array): Promise<PDFDocument | null> {
  try {
    const doc = await withoutPdfLibWarnings(() => PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false }));
    return doc.isEncrypted ? null : doc;
  } catch {
    return null;
  }
}

interface CheckedPart {
  part: Assembled;
  check: PdfCheck;
}

async function checkPart(source: PDFDocument, indices: number[], drawn?: ReadonlyMap<number, RenderedPage>): Promise<CheckedPart> {
  const part = await assemble(source, indices, drawn);
  return { part, check: await checkPdf({ bytes: part.bytes }, part.bytes.byteLength) };
}

/**
 * Pages among `indices` whose content qpdf finds damaged. The pages are checked together;
 * when qpdf names the damaged pages (bad tokens) those are the answer, and when it only says
 * that something failed to decode (it stops there), the pages are halved until each damaged
 * one is found: a clean document costs one check, one bad page about 2·log2(n).
 */
async function damagedPages(source: PDFDocument, indices: number[], checked?: CheckedPart): Promise<number[]> {
  const { part, check } = checked ?? (await checkPart(source, indices));
  if (check.status === 'ok') return [];
  if (indices.length === 1) return indices;
  const named = check.pageObjects.map((n) => part.pageObjects.indexOf(n)).filter((k) => k >= 0);
  if (check.status === 'warnings' && named.length > 0 && check.problems.every((p) => /page object \d+/.test(p))) {
    return named.map((k) => indices[k]);
  }
  const half = Math.ceil(indices.length / 2);
  return [...(await damagedPages(source, indices.slice(0, half))), ...(await damagedPages(source, indices.slice(half)))];
}

/**
 * The pages of an unencrypted PDF copied into a fresh document, each damaged page replaced by
 * a drawing of it (pdf.js draws what readers show). Null when pdf-lib cannot read the file, a
 * damaged page cannot be drawn, or the result still fails qpdf's check.
 */
export async function rebuildPdf(bytes: Uint8Array): Promise<Rebuilt | null> {
  const source = await loadLeniently(bytes);
  if (!source) return null;
  // pdf-lib throws on what it cannot copy (a broken page tree), pdf.js on what it cannot draw.
  try {
    const all = source.getPageIndices();
    const whole = await checkPart(source, all);
    if (whole.check.status === 'ok') return { bytes: whole.part.bytes, drawnPages: [] };
    const damaged = await damagedPages(source, all, whole);
    if (damaged.length === 0) return null;
    const drawn = new Map<number, RenderedPage>();
    // The pages to draw are parsed on the reader thread first, within its limits (see rasterize.ts).
    const tried = await pdfjsOpens({ bytes }, damaged.map((i) => i + 1));
    if ('stopped' in tried || !tried.opens) return null;
    const viewer = await openPdfjs(bytes);
    try {
      // Both count pages by walking the page tree; if they disagree, page n is not page n.
      if (viewer.numPages !== all.length) return null;
      for (const i of damaged) drawn.set(i, await renderPage(viewer, i + 1));
    } finally {
      await viewer.destroy();
    }
    const { part, check } = await checkPart(source, all, drawn);
    return check.status === 'ok' ? { bytes: part.bytes, drawnPages: damaged.map((i) => i + 1) } : null;
  } catch {
    return null;
  }
}
