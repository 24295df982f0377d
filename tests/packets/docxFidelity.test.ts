// DOCX pages look like the original: each fixture of tests/fixtures/docx/wordFeatures.ts
// (公文 layout, bordered table with merged cells, image, header and footer with page numbers,
// two columns, page breaks) is rendered by the packet's renderer (docx-preview + Chromium) and by
// LibreOffice Writer, both rasterised with pdftoppm, and compared page by page.
//
// Metric (tests/helpers/pageSimilarity.ts): pages at 100 × 141 px greyscale, blurred; `mean` =
// 1 − mean absolute difference / 255, `ink` = 1 − Σ|a − b| / Σ max(ink) over inked pixels.
// Measured 2026-12-02 (Chromium 156, LibreOffice 7.4, Noto CJK), page counts all equal:
//   gongwen       4 pages  mean 0.960–0.971  ink 0.41–0.59  (小标宋 stood in by a bold serif)
//   tables        1 page   mean 0.971        ink 0.67      (column widths differ slightly)
//   image         1 page   mean 0.998        ink 0.97
//   headerFooter  2 pages  mean 0.984–0.990  ink 0.71–0.74
//   columns       2 pages  mean 0.955–0.958  ink 0.32–0.67  (13 vs 14 characters a column line)
//   pageBreaks    3 pages  mean 0.998        ink 0.92
// For scale, first pages of two different fixtures score mean 0.86–0.96, ink 0.11–0.46: on pages
// of body text the metric sees layout (where the text block, title, table, picture sit), not words.
// Thresholds sit a little under the measurements; the words themselves are checked with pdftotext.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../electron/core/packets/htmlSources';
import { createChromiumRenderer } from '../../electron/core/render/chromiumRenderer';
import type { HtmlRenderer } from '../../electron/core/render/htmlRenderer';
import { writeWordFeatureDoc, wordFeatureDocs, type WordFeatureDoc } from '../fixtures/docx/wordFeatures';
import { pdfText } from '../helpers/pdfTools';
import { pageRasters, similarity } from '../helpers/pageSimilarity';
import { tempDir } from '../helpers/tempArchive';

/** Lowest similarity each page must reach, by fixture. */
const THRESHOLDS: Record<WordFeatureDoc, { mean: number; ink: number }> = {
  gongwen: { mean: 0.95, ink: 0.35 },
  tables: { mean: 0.95, ink: 0.55 },
  image: { mean: 0.98, ink: 0.85 },
  headerFooter: { mean: 0.97, ink: 0.6 },
  columns: { mean: 0.94, ink: 0.25 },
  pageBreaks: { mean: 0.98, ink: 0.85 },
};

const names = Object.keys(wordFeatureDocs) as WordFeatureDoc[];
const dir = tempDir('dossier-fidelity-');
const ours = path.join(dir, 'ours');
const lo = path.join(dir, 'lo');
let renderer: HtmlRenderer;

beforeAll(async () => {
  fs.mkdirSync(ours);
  const files = await Promise.all(names.map((n) => writeWordFeatureDoc(dir, n)));
  const r = await createChromiumRenderer();
  if (!r) throw new Error('no Chromium for the packet renderer');
  renderer = r;
  await renderer.start();
  for (const [i, file] of files.entries()) fs.writeFileSync(path.join(ours, `${names[i]}.pdf`), await renderDocx(file, names[i], renderer));
  // One soffice run for all six, with its own profile (other tests run LibreOffice too).
  execFileSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', lo, ...files], {
    stdio: 'ignore',
    timeout: 180_000,
  });
}, 300_000);

afterAll(async () => {
  await renderer?.close();
});

describe('DOCX fidelity against LibreOffice', () => {
  it.each(names)('%s: same page count, every page alike', async (name) => {
    const a = await pageRasters(path.join(ours, `${name}.pdf`));
    const b = await pageRasters(path.join(lo, `${name}.pdf`));
    expect(a.length).toBe(b.length);
    for (const [i, page] of a.entries()) {
      const s = similarity(page, b[i]);
      expect(s.mean, `${name} page ${i + 1} mean`).toBeGreaterThanOrEqual(THRESHOLDS[name].mean);
      expect(s.ink, `${name} page ${i + 1} ink`).toBeGreaterThanOrEqual(THRESHOLDS[name].ink);
    }
  });

  it('prints the header on every page and numbers the pages in the footer as Word does', () => {
    const pdf = path.join(ours, 'headerFooter.pdf');
    for (const page of [1, 2]) {
      const text = pdfText(pdf, page);
      expect(text).toContain('文明单位创建工作资料汇编');
      expect(text.replace(/\s+/g, '')).toContain(`第${page}页`);
    }
    // 公文 page numbers: “— 1 —” in the footer.
    expect(pdfText(path.join(ours, 'gongwen.pdf'), 3).replace(/\s+/g, '')).toContain('—3—');
  });
});
