import { BrowserWindow } from 'electron';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { HtmlRenderer } from '../core/render/htmlRenderer';
import { printWindowPreferences, PRINT_CSP, withContentSecurityPolicy } from './policy';
import { applyWindowPolicy } from './window';

/**
 * HTML → PDF in the desktop app: a hidden window and Chromium's printToPDF. The document is a
 * converted file a clerk filed, so the window gets the main window's policy and more: no
 * script, no preload, a CSP that loads nothing from anywhere, and no navigation at all.
 */
export function createPrintToPdfRenderer(tmpDir: string): HtmlRenderer {
  let win: BrowserWindow | null = null;
  const window = () => {
    if (win) return win;
    win = new BrowserWindow({ show: false, webPreferences: printWindowPreferences() });
    applyWindowPolicy(win, () => false);
    return win;
  };
  return {
    async start() {
      window();
    },
    async htmlToPdf(html) {
      const win = window();
      // A file, not a data: URL, so large documents are not cut off.
      const file = path.join(tmpDir, `render-${randomUUID()}.html`);
      await fs.writeFile(file, withContentSecurityPolicy(html, PRINT_CSP), 'utf8');
      try {
        await win.loadFile(file);
        const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
        return new Uint8Array(pdf);
      } finally {
        await fs.rm(file, { force: true });
      }
    },
    async close() {
      win?.destroy();
      win = null;
    },
  };
}
