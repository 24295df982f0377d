import type { OfdDocument, TextObject } from './model';

/** Characters on baselines closer than this (mm) read as one line. */
const SAME_LINE = 1.5;

/**
 * The text for search: each page's TextCode characters in reading order (top to bottom, then
 * left to right, by where each run starts on the page), one line per baseline, pages apart.
 */
export function ofdText(doc: OfdDocument): string {
  return doc.pages
    .map((page) => {
      const runs = page.objects
        .filter((o): o is TextObject => o.type === 'text')
        .flatMap((t) => t.runs.map((r) => ({ x: t.boundary.x + r.xs[0], y: t.boundary.y + r.ys[0], text: r.text })))
        .sort((a, b) => a.y - b.y || a.x - b.x);
      const lines: { y: number; parts: { x: number; text: string }[] }[] = [];
      for (const run of runs) {
        const line = lines[lines.length - 1];
        if (line && Math.abs(run.y - line.y) <= SAME_LINE) line.parts.push(run);
        else lines.push({ y: run.y, parts: [run] });
      }
      return lines.map((l) => l.parts.sort((a, b) => a.x - b.x).map((p) => p.text).join('')).join('\n');
    })
    .join('\n\n');
}
