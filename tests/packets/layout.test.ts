import { describe, expect, it } from 'vitest';
import { ellipsize, wrapText } from '../../electron/core/packets/pdf/layout';

// Monospace stand-in: Han characters 2 units, everything else 1.
const measure = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);

describe('wrapText', () => {
  it('breaks Chinese between any two characters', () => {
    expect(wrapText('创建工作领导小组会议', 8, measure)).toEqual(['创建工作', '领导小组', '会议']);
  });

  it('keeps Latin words and numbers whole', () => {
    expect(wrapText('见附件 report2024.pdf 第3页', 14, measure)).toEqual(['见附件', 'report2024.pdf', '第3页']);
  });

  it('never starts a line with closing punctuation', () => {
    const lines = wrapText('一二三四，五六', 8, measure);
    expect(lines[0]).toBe('一二三四，');
    expect(lines[1]).toBe('五六');
  });

  it('keeps hard line breaks and breaks over-long words by character', () => {
    expect(wrapText('甲\n乙', 10, measure)).toEqual(['甲', '乙']);
    expect(wrapText('abcdefghij', 4, measure)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('ellipsizes to width', () => {
    expect(ellipsize('创建工作领导小组', 9, measure)).toBe('创建工作…');
  });
});
