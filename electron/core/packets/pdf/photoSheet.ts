import type { PDFDocument, PDFImage, PDFPage } from 'pdf-lib';
import { A4, CONTENT_WIDTH, MARGIN } from './layout';
import { drawPhotoInBox, type Box } from './photo';
import type { PacketFonts } from './text';

const GAP = 16;

/** Where the n-th photo of a page goes for 1, 2 (stacked) or 4 (2×2) photos per page. */
function slotBox(perPage: 1 | 2 | 4, slot: number): Box {
  const top = A4.height - MARGIN.top;
  const height = top - MARGIN.bottom;
  if (perPage === 1) return { x: MARGIN.left, y: MARGIN.bottom, width: CONTENT_WIDTH, height };
  if (perPage === 2) {
    const h = (height - GAP) / 2;
    return { x: MARGIN.left, y: top - (slot + 1) * h - slot * GAP, width: CONTENT_WIDTH, height: h };
  }
  const w = (CONTENT_WIDTH - GAP) / 2;
  const h = (height - GAP) / 2;
  const row = Math.floor(slot / 2);
  const col = slot % 2;
  return { x: MARGIN.left + col * (w + GAP), y: top - (row + 1) * h - row * GAP, width: w, height: h };
}

/**
 * Photos laid out 1, 2 or 4 to a page. Consecutive photos share pages; anything else (a new
 * indicator, a document) calls `close()` so the next photo starts a fresh page.
 */
export class PhotoSheet {
  private page: PDFPage | null = null;
  private pageIndex = -1;
  private used = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: PacketFonts,
    readonly perPage: 1 | 2 | 4,
  ) {}

  /** Place one photo; returns its page and that page's index in the document. */
  place(image: PDFImage, caption: string[]): { page: PDFPage; index: number; fresh: boolean } {
    let fresh = false;
    if (!this.page || this.used >= this.perPage) {
      this.pageIndex = this.doc.getPageCount();
      this.page = this.doc.addPage([A4.width, A4.height]);
      this.used = 0;
      fresh = true;
    }
    drawPhotoInBox(this.page, this.fonts, image, slotBox(this.perPage, this.used), caption, this.perPage === 4);
    this.used += 1;
    return { page: this.page, index: this.pageIndex, fresh };
  }

  close(): void {
    this.page = null;
    this.used = 0;
  }
}
