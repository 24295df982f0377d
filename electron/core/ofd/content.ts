import { abbreviatedToSvg, expandDeltas, numbers, parseBox, parseMatrix } from './geometry';
import type { ImageObject, PageObject, PathObject, TextObject, TextRun } from './model';
import type { Resources } from './resources';
import { child, childrenNamed, type XmlElement } from './xml';

/** OFD colours: “r g b” in 0–255 (the default RGB space), or #rrggbb some writers use. */
export function cssColor(el: XmlElement | undefined): string | null {
  const value = el?.attrs.Value?.trim();
  if (!value) return null;
  if (/^#[0-9a-f]{6}$/i.test(value)) return value;
  const [r, g, b] = numbers(value);
  if ([r, g, b].some((n) => n === undefined)) return null;
  const alpha = el?.attrs.Alpha === undefined ? 1 : Math.max(0, Math.min(1, Number(el.attrs.Alpha) / 255));
  return alpha < 1 ? `rgba(${r},${g},${b},${alpha.toFixed(3)})` : `rgb(${r},${g},${b})`;
}

/** A full-width character advances by the font size, others by half (used where DeltaX is silent). */
const advance = (ch: string, size: number) => (/[\u2e80-\uffef]/.test(ch) ? size : size / 2);

function textObject(el: XmlElement, res: Resources): TextObject | null {
  const boundary = parseBox(el.attrs.Boundary);
  if (!boundary) return null;
  const font = res.fonts.get(el.attrs.Font ?? '');
  const size = Number(el.attrs.Size) || 3.5;
  const runs: TextRun[] = [];
  let x = 0;
  let y = 0;
  for (const code of childrenNamed(el, 'TextCode')) {
    const chars = Array.from(code.text);
    if (chars.length === 0) continue;
    // A TextCode without X or Y goes on from where the previous one ended.
    x = code.attrs.X === undefined ? x : Number(code.attrs.X) || 0;
    y = code.attrs.Y === undefined ? y : Number(code.attrs.Y) || 0;
    const dx = expandDeltas(code.attrs.DeltaX, chars.length - 1, (i) => advance(chars[i], size));
    const dy = expandDeltas(code.attrs.DeltaY, chars.length - 1, () => 0);
    const xs = [x];
    const ys = [y];
    for (let i = 1; i < chars.length; i += 1) {
      xs.push(xs[i - 1] + dx[i - 1]);
      ys.push(ys[i - 1] + (code.attrs.DeltaY ? dy[i - 1] : 0));
    }
    runs.push({ text: chars.join(''), xs, ys });
    x = xs[xs.length - 1] + advance(chars[chars.length - 1], size);
    y = ys[ys.length - 1];
  }
  if (runs.length === 0) return null;
  const weight = Number(el.attrs.Weight);
  return {
    type: 'text',
    boundary,
    ctm: parseMatrix(el.attrs.CTM),
    family: font?.family ?? '',
    embedded: font?.embedded ?? null,
    bold: Boolean(font?.bold) || weight >= 600,
    italic: Boolean(font?.italic) || el.attrs.Italic === 'true',
    size,
    fill: cssColor(child(el, 'FillColor')) ?? 'rgb(0,0,0)',
    runs,
  };
}

function pathObject(el: XmlElement, res: Resources): PathObject | null {
  const boundary = parseBox(el.attrs.Boundary);
  const d = abbreviatedToSvg(child(el, 'AbbreviatedData')?.text ?? '');
  if (!boundary || !d) return null;
  const param = res.drawParams.get(el.attrs.DrawParam ?? '');
  const stroke = (el.attrs.Stroke ?? 'true') !== 'false';
  const fill = el.attrs.Fill === 'true';
  return {
    type: 'path',
    boundary,
    ctm: parseMatrix(el.attrs.CTM),
    d,
    stroke: stroke ? (cssColor(child(el, 'StrokeColor')) ?? cssColor(child(param, 'StrokeColor')) ?? 'rgb(0,0,0)') : null,
    fill: fill ? (cssColor(child(el, 'FillColor')) ?? cssColor(child(param, 'FillColor')) ?? 'rgb(0,0,0)') : null,
    lineWidth: Number(el.attrs.LineWidth ?? param?.attrs.LineWidth) || 0.353,
  };
}

function imageObject(el: XmlElement, res: Resources): ImageObject | null {
  const boundary = parseBox(el.attrs.Boundary);
  const href = res.images.get(el.attrs.ResourceID ?? '');
  if (!boundary || !href) return null;
  return { type: 'image', boundary, ctm: parseMatrix(el.attrs.CTM), href };
}

/** The drawable objects under a Layer or PageBlock, in document order; what cannot be drawn is skipped. */
function collect(el: XmlElement, res: Resources, out: PageObject[]): void {
  for (const c of el.children) {
    const made = c.name === 'TextObject' ? textObject(c, res) : c.name === 'PathObject' ? pathObject(c, res) : c.name === 'ImageObject' ? imageObject(c, res) : null;
    if (made) out.push(made);
    else if (c.name === 'PageBlock' || c.name === 'CompositeObject') collect(c, res, out);
  }
}

/** A page's (or a template's) Content: its layers in order, background first. */
export function pageObjects(page: XmlElement, res: Resources): PageObject[] {
  const order = ['Background', 'Body', 'Foreground'];
  const layers = childrenNamed(child(page, 'Content'), 'Layer');
  const rank = (l: XmlElement) => {
    const i = order.indexOf(l.attrs.Type ?? 'Body');
    return i < 0 ? 1 : i;
  };
  const out: PageObject[] = [];
  for (const layer of [...layers].sort((a, b) => rank(a) - rank(b))) collect(layer, res, out);
  return out;
}
