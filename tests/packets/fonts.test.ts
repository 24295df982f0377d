import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { withIdentityCharset } from '../../electron/core/packets/pdf/cffCharset';
import { subsetNoto } from '../../electron/core/packets/pdf/fonts';

interface CffCharset {
  version: number;
  ranges?: { first: number; nLeft: number }[];
  glyphs?: number[];
}

function charsetOf(bytes: Uint8Array): { glyphs: number; charset: CffCharset } {
  const font = fontkit.create(bytes) as unknown as { numGlyphs: number; 'CFF ': { topDict: { charset: CffCharset } } };
  return { glyphs: font.numGlyphs, charset: font['CFF '].topDict.charset };
}

describe('Noto subset for pdf-lib', () => {
  it('subsets to the characters asked for, keeping the glyph for each', async () => {
    const bytes = await subsetNoto('regular', '创建迎检资料ABC');
    const font = fontkit.create(bytes);
    for (const ch of '创建迎检资料ABC') expect(font.hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(true);
    expect(font.hasGlyphForCodePoint('龍'.codePointAt(0)!)).toBe(false);
    expect(bytes.length).toBeLessThan(40_000);
  });

  it('rewrites the CID charset to identity so glyph ids and CIDs agree', async () => {
    const bytes = await subsetNoto('bold', '创建工作机制ABC');
    const before = charsetOf(bytes);
    // harfbuzz keeps the original CIDs, e.g. 34 for “A” at glyph 1.
    expect(before.charset.ranges?.[0].first).not.toBe(1);
    const after = charsetOf(withIdentityCharset(bytes));
    expect(after.glyphs).toBe(before.glyphs);
    expect(after.charset.ranges?.[0]).toMatchObject({ first: 1, nLeft: before.glyphs - 2 });
  });
});
