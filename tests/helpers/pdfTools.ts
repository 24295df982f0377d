// What a user would check on an exported PDF, with the real tools: does the page render ink?
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { tempDir } from './tempArchive';

/** Render one page with pdftoppm and return the PNG's path. */
export function renderPage(pdf: string, page: number, dpi = 50): string {
  const dir = tempDir('dossier-render-');
  const prefix = path.join(dir, 'page');
  execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(dpi), '-png', pdf, prefix]);
  const png = fs.readdirSync(dir).find((f) => f.endsWith('.png'));
  if (!png) throw new Error(`pdftoppm rendered nothing for page ${page} of ${pdf}`);
  return path.join(dir, png);
}

/**
 * Pixels darker than mid-grey in a horizontal band of a rendered page (fractions of its
 * height). Blank glyphs — the classic CJK embedding failure — give none.
 */
export async function darkPixels(png: string, band: { top: number; bottom: number } = { top: 0, bottom: 1 }): Promise<number> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  let dark = 0;
  for (let y = Math.floor(info.height * band.top); y < Math.floor(info.height * band.bottom); y += 1) {
    for (let x = 0; x < info.width; x += 1) if (data[y * info.width + x] < 128) dark += 1;
  }
  return dark;
}

/** The text of a PDF (all pages, or one) as poppler's pdftotext reads it. */
export function pdfText(pdf: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', [...range, pdf, '-'], { encoding: 'utf8' });
}
