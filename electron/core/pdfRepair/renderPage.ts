import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Sharp enough to read body text in print; a page's long side is kept to what a poster needs. */
const DPI = 150;
const MAX_SIDE_PX = 2800;
const JPEG_QUALITY = 85;

export interface RenderedPage {
  jpeg: Uint8Array;
  /** The page as shown (crop box, /Rotate applied), in PDF points. */
  width: number;
  height: number;
}

/** The canvas pdf.js makes in Node (@napi-rs/canvas); typed here as far as this file uses it. */
interface NodeCanvas {
  encode(format: 'jpeg', quality: number): Promise<Buffer>;
}
interface CanvasFactory {
  create(width: number, height: number): { canvas: NodeCanvas };
  destroy(entry: { canvas: NodeCanvas }): void;
}

/**
 * One page (1-based) drawn by pdf.js, which reads what it can of a damaged content stream as
 * readers do, onto white, as a JPEG. Rejects when pdf.js cannot draw it at all.
 */
export async function renderPage(doc: PDFDocumentProxy, pageNumber: number): Promise<RenderedPage> {
  const page = await doc.getPage(pageNumber);
  try {
    const size = page.getViewport({ scale: 1 });
    const scale = Math.min(DPI / 72, MAX_SIDE_PX / Math.max(size.width, size.height));
    const viewport = page.getViewport({ scale });
    const factory = doc.canvasFactory as CanvasFactory;
    const entry = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    try {
      await page.render({ canvas: entry.canvas as never, viewport, background: '#ffffff' }).promise;
      const jpeg = await entry.canvas.encode('jpeg', JPEG_QUALITY);
      return { jpeg: new Uint8Array(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength), width: size.width, height: size.height };
    } finally {
      factory.destroy(entry);
    }
  } finally {
    page.cleanup();
  }
}
