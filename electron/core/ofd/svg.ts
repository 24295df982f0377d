import { escapeHtml } from '../render/printHtml';
import type { Matrix, OfdPage, PageObject, TextObject } from './model';

const n = (v: number) => String(Math.round(v * 1000) / 1000);

function transform(x: number, y: number, ctm: Matrix | null): string {
  return `translate(${n(x)} ${n(y)})${ctm ? ` matrix(${ctm.map(n).join(' ')})` : ''}`;
}

/** The font the OFD embeds, the face it names (aliased in cjkFaces.ts), then the fallback. */
function familyList(t: TextObject, fallback: string): string {
  return [t.embedded, t.family, '宋体', fallback]
    .filter((f): f is string => Boolean(f)).map((f) => `'${f.replace(/'/g, '')}'`).join(', ');
}

function text(t: TextObject, fallback: string): string {
  const style = `font-family: ${familyList(t, fallback)}; font-size: ${n(t.size)}px;${t.bold ? ' font-weight: bold;' : ''}${t.italic ? ' font-style: italic;' : ''}`;
  const runs = t.runs
    .map((r) => `<text x="${r.xs.map(n).join(' ')}" y="${r.ys.map(n).join(' ')}" xml:space="preserve">${escapeHtml(r.text)}</text>`)
    .join('');
  return `<g transform="${transform(t.boundary.x, t.boundary.y, t.ctm)}" fill="${t.fill}" style="${escapeHtml(style)}">${runs}</g>`;
}

function object(o: PageObject, fallback: string): string {
  switch (o.type) {
    case 'text':
      return text(o, fallback);
    case 'path':
      return `<path transform="${transform(o.boundary.x, o.boundary.y, o.ctm)}" d="${o.d}" fill="${o.fill ?? 'none'}" stroke="${o.stroke ?? 'none'}" stroke-width="${n(o.lineWidth)}"/>`;
    case 'image':
      // The image's unit square, mapped by its CTM (without one: stretched over the boundary).
      return `<image transform="${transform(o.boundary.x, o.boundary.y, o.ctm ?? [o.boundary.w, 0, 0, o.boundary.h, 0, 0])}" width="1" height="1" preserveAspectRatio="none" href="${o.href}"/>`;
  }
}

/**
 * One OFD page as SVG: user units are millimetres (the viewBox is the PhysicalBox), so every
 * position and size of the page model is written as OFD gave it.
 */
export function pageSvg(page: OfdPage, fallbackFamily: string, size: { width: string; height: string }): string {
  const { x, y, w, h } = page.box;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${n(x)} ${n(y)} ${n(w)} ${n(h)}" width="${size.width}" height="${size.height}" style="display:block;background:#fff">${page.objects
    .map((o) => object(o, fallbackFamily))
    .join('')}</svg>`;
}
