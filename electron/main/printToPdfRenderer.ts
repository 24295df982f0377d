import { BrowserWindow } from 'electron';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { HtmlRenderer } from '../core/render/htmlRenderer';
import { Pool, printConcurrency } from '../core/render/pool';
import { printWindowPreferences, PRINT_CSP, withContentSecurityPolicy } from './policy';
import { applyWindowPolicy } from './window';

/**
 * HTML → PDF in the desktop app: hidden windows and Chromium's printToPDF, a few at once (an
 * export prints its documents in parallel), each reused. The document is a converted file a
 * clerk filed, so each window gets the main window's policy and more: no script, no preload, a
 * CSP that loads nothing from anywhere, and no navigation at all.
 */
export function createPrintToPdfRenderer(tmpDir: string): HtmlRenderer {
  const windows = new Pool<BrowserWindow>(
    printConcurrency(),
    async () => {
      const win = new BrowserWindow({ show: false, webPreferences: printWindowPreferences() });
      applyWindowPolicy(win, () => false);
      return win;
    },
    async (win) => win.destroy(),
  );
  return {
    async start() {
      // Windows are made when the first document prints.
    },
    htmlToPdf(html) {
      return windows.use(async (win) => {
        // A file, not a data: URL, so large documents are not cut off.
        const file = path.join(tmpDir, `render-${randomUUID()}.html`);
        await fs.writeFile(file, withContentSecurityPolicy(html, PRINT_CSP), 'utf8');
        try {
          await win.loadFile(file);
          // A Word document's @page size (and margins) win over the default A4.
          const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
          return new Uint8Array(pdf);
        } finally {
          await fs.rm(file, { force: true });
        }
      });
    },
    async close() {
      await windows.drain();
    },
  };
}
