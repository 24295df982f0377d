// An OFD's embedded font file (Font/FontFile) draws its text: the same 红头 公文 with and without
// the title face embedded differs in the title band of the printed page (pdftoppm) and nowhere
// else; without it, the named face's stand-in (cjkFaces.ts) draws the title all the same.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOfd } from '../../electron/core/ofd/render';
import type { HtmlRenderer } from '../../electron/core/render/htmlRenderer';
import { createChromiumRenderer } from '../../electron/core/render/chromiumRenderer';
import { redHeadOfd } from '../helpers/ofdSamples';
import { darkPixels, renderPage } from '../helpers/pdfTools';
import { tempDir } from '../helpers/tempArchive';

describe('OFD embedded fonts', () => {
  const dir = tempDir('dossier-ofdfonts-');
  let renderer: HtmlRenderer;
  const pngs: Record<'embedded' | 'named', string> = { embedded: '', named: '' };

  beforeAll(async () => {
    renderer = (await createChromiumRenderer())!;
    for (const [name, embed] of [['embedded', true], ['named', false]] as const) {
      const ofd = path.join(dir, `${name}.ofd`);
      fs.writeFileSync(ofd, await redHeadOfd(embed));
      const pdf = path.join(dir, `${name}.pdf`);
      fs.writeFileSync(pdf, await renderOfd(ofd, name, renderer));
      pngs[name] = renderPage(pdf, 1, 72);
    }
  }, 120_000);
  afterAll(async () => renderer?.close());

  /** Pixels that differ between the two pages in a band (fractions of the page height). */
  const differing = async (top: number, bottom: number) => {
    const [a, b] = await Promise.all([pngs.embedded, pngs.named].map((p) => sharp(p).greyscale().raw().toBuffer({ resolveWithObject: true })));
    let n = 0;
    for (let y = Math.floor(a.info.height * top); y < Math.floor(a.info.height * bottom); y += 1)
      for (let x = 0; x < a.info.width; x += 1) if (Math.abs(a.data[y * a.info.width + x] - b.data[y * a.info.width + x]) > 64) n += 1;
    return n;
  };

  it('draws the title in the embedded face, the rest as before', async () => {
    // Title baseline at 45 mm of 297: the band 8–17 % of the height.
    expect(await differing(0.08, 0.17)).toBeGreaterThan(300);
    // The body (仿宋, not embedded) from 38 % to 75 %.
    expect(await differing(0.38, 0.75)).toBe(0);
    // Without the embedded file the title is still drawn.
    expect(await darkPixels(pngs.named, { top: 0.08, bottom: 0.17 })).toBeGreaterThan(0);
  });
});
