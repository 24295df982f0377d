// How alike two rendered pages look, for comparing our DOCX rendering with LibreOffice's.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { tempDir } from './tempArchive';

/** Raster size the pages are compared at: ~12 dpi for A4, lines of text become grey bands. */
const W = 100;
const H = 141;

/**
 * Every page of a PDF as greyscale pixels at W × H, blurred so that a glyph a point or two
 * away (two engines never set type identically) still counts as where it should be.
 */
export async function pageRasters(pdf: string): Promise<Buffer[]> {
  const dir = tempDir('dossier-sim-');
  execFileSync('pdftoppm', ['-r', '36', '-gray', '-png', pdf, path.join(dir, 'p')]);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
  return Promise.all(
    files.map((f) => sharp(path.join(dir, f)).greyscale().blur(1.5).resize(W, H, { fit: 'fill' }).raw().toBuffer()),
  );
}

/**
 * Two similarities in [0, 1]. `mean`: 1 − mean absolute difference / 255 over the page (paper
 * counts, so even unlike pages of text score ~0.9). `ink`: 1 − Σ|a − b| / Σ max(ink a, ink b),
 * only where either page has ink: 1 for the same page, 0 when the ink never overlaps.
 */
export function similarity(a: Buffer, b: Buffer): { mean: number; ink: number } {
  let diff = 0;
  let ink = 0;
  for (let i = 0; i < a.length; i += 1) {
    diff += Math.abs(a[i] - b[i]);
    ink += Math.max(255 - a[i], 255 - b[i]);
  }
  return { mean: 1 - diff / (a.length * 255), ink: ink === 0 ? 1 : 1 - diff / ink };
}
