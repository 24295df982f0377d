import { attrOf, firstChild, type XmlNode } from './xmlTree';

/**
 * Word's automatic list numbers are not in the text (w:numPr on the paragraph). Paragraphs of
 * such a list are given a number as printed — “1.” on the first level, “（1）” below — so a
 * numbered list of 否决 conditions reads as one whatever its number format.
 */
export class ListNumbers {
  private readonly counters = new Map<string, number[]>();

  label(p: XmlNode): string {
    const pPr = firstChild(p, 'w:pPr');
    const numPr = pPr ? firstChild(pPr, 'w:numPr') : undefined;
    if (!numPr) return '';
    const numIdEl = firstChild(numPr, 'w:numId');
    const numId = numIdEl ? (attrOf(numIdEl, 'w:val') ?? '') : '';
    // numId 0 switches numbering off for the paragraph.
    if (!numId || numId === '0') return '';
    const ilvlEl = firstChild(numPr, 'w:ilvl');
    const level = Math.min(8, Math.max(0, Number(ilvlEl ? attrOf(ilvlEl, 'w:val') : 0) || 0));
    const counts = this.counters.get(numId) ?? [];
    counts[level] = (counts[level] ?? 0) + 1;
    counts.length = level + 1;
    this.counters.set(numId, counts);
    return level === 0 ? `${counts[level]}.` : `（${counts[level]}）`;
  }
}
