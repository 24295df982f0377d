/**
 * An OFD document (GB/T 33190-2016) as this app draws it: every length in millimetres, each page
 * its own size, the objects of each page in drawing order (background templates, the page's own
 * layers, foreground templates, then the stamps of its 电子签章).
 */

/** A rectangle in mm: x, y of its top left corner, width, height. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** a b c d e f, as an SVG matrix. */
export type Matrix = [number, number, number, number, number, number];

/** One TextCode: its characters, where the first sits (its baseline), and where each next one does. */
export interface TextRun {
  text: string;
  /** Per character, relative to the object's boundary. */
  xs: number[];
  ys: number[];
}

export interface TextObject {
  type: 'text';
  boundary: Box;
  ctm: Matrix | null;
  /** The OFD font's family name ('仿宋', 'SimSun'; '' when it names none). */
  family: string;
  /** The family of the font file the OFD embeds for it, tried before the named face. */
  embedded: string | null;
  bold: boolean;
  italic: boolean;
  /** Font size in mm. */
  size: number;
  fill: string;
  runs: TextRun[];
}

export interface PathObject {
  type: 'path';
  boundary: Box;
  ctm: Matrix | null;
  /** SVG path data, relative to the boundary. */
  d: string;
  stroke: string | null;
  fill: string | null;
  lineWidth: number;
}

export interface ImageObject {
  type: 'image';
  boundary: Box;
  /** Maps the image's unit square into the boundary. */
  ctm: Matrix | null;
  /** A data: URL (PNG, JPEG, GIF or BMP). */
  href: string;
}

export type PageObject = TextObject | PathObject | ImageObject;

export interface OfdPage {
  /** PhysicalBox: the page's size and the origin its coordinates start from. */
  box: Box;
  objects: PageObject[];
}

export interface OfdDocument {
  pages: OfdPage[];
  /** How many 电子签章 or signatures it carries (never verified here). */
  signatures: number;
  /** DocInfo/Title ('' when none). */
  title: string;
  /** Embedded font files (data: URLs) by the family the text objects name them with. */
  fonts: Map<string, string>;
}
