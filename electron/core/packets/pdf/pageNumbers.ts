import { degrees, popGraphicsState, pushGraphicsState, rgb, type PDFDocument, type PDFPage } from 'pdf-lib';
import { FOOTER_Y } from './layout';
import { footerText } from './labels';
import { colors, type PacketFonts } from './text';

const SIZE = 9;

/**
 * Isolate a copied page's own drawing in q … Q, so a graphics state it leaves changed (a
 * transform, a colour) cannot move or hide what we draw on top.
 */
export function isolateContent(doc: PDFDocument, page: PDFPage): void {
  const start = doc.context.register(doc.context.contentStream([pushGraphicsState()]));
  const end = doc.context.register(doc.context.contentStream([popGraphicsState()]));
  page.node.wrapContentStreams(start, end);
}

/**
 * “第 X 页 / 共 Y 页” at the visible bottom centre of every page but the first (the cover).
 * X is the physical page number, the same a PDF viewer shows and the catalogue cites. Pages with
 * /Rotate are handled so the footer reads upright; `opaque` pages (scans, photos) get a white
 * band behind the footer so it stays legible.
 */
export function addPageNumbers(doc: PDFDocument, fonts: PacketFonts, opaque: Set<PDFPage>): void {
  const total = doc.getPageCount();
  const font = fonts.regular.font;
  for (let i = 1; i < total; i += 1) {
    const page = doc.getPage(i);
    const text = footerText(i + 1, total);
    const tw = fonts.width(text, { size: SIZE });
    const box = page.getCropBox();
    const angle = ((page.getRotation().angle % 360) + 360) % 360;
    let x: number;
    let y: number;
    switch (angle) {
      case 90:
        x = box.x + box.width - FOOTER_Y;
        y = box.y + box.height / 2 - tw / 2;
        break;
      case 180:
        x = box.x + box.width / 2 + tw / 2;
        y = box.y + box.height - FOOTER_Y;
        break;
      case 270:
        x = box.x + FOOTER_Y;
        y = box.y + box.height / 2 + tw / 2;
        break;
      default:
        x = box.x + box.width / 2 - tw / 2;
        y = box.y + FOOTER_Y;
    }
    if (opaque.has(page)) {
      // The band's corner is (-pad, -pad) in the text's own rotated frame.
      const pad = 4;
      const rad = (angle * Math.PI) / 180;
      const [cos, sin] = [Math.round(Math.cos(rad)), Math.round(Math.sin(rad))];
      page.drawRectangle({
        x: x - pad * cos + pad * sin,
        y: y - pad * sin - pad * cos,
        width: tw + pad * 2,
        height: SIZE + pad * 2,
        rotate: degrees(angle),
        color: rgb(1, 1, 1),
        opacity: 0.85,
      });
    }
    page.drawText(text, { x, y, size: SIZE, font, color: colors.muted, rotate: degrees(angle) });
  }
}
