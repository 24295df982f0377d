/**
 * Turns HTML into PDF pages. Chromium does this best: in the app through a hidden window's
 * `printToPDF`, in the CLI and tests through playwright-core driving a system Chromium.
 */
export interface HtmlRenderer {
  /** A4 PDF of a complete HTML document. */
  htmlToPdf(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}
