import { BrowserWindow } from 'electron';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { HtmlRenderer } from '../core/render/htmlRenderer';

/** HTML → PDF in the desktop app: a hidden, script-less window and Chromium's printToPDF. */
export function createPrintToPdfRenderer(tmpDir: string): HtmlRenderer {
  let win: BrowserWindow | null = null;
  const window = () =>
    (win ??= new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
    }));
  return {
    async start() {
      window();
    },
    async htmlToPdf(html) {
      const win = window();
      // A file, not a data: URL, so large documents are not cut off.
      const file = path.join(tmpDir, `render-${randomUUID()}.html`);
      await fs.writeFile(file, html, 'utf8');
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
