import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { HtmlRenderer } from './htmlRenderer';

/** Flags for a headless print-only browser: no sandbox (containers, CI), nothing phoning home. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function candidates(): string[] {
  if (process.platform === 'win32') {
    const roots = [process.env['PROGRAMFILES'], process.env['PROGRAMFILES(X86)'], process.env['LOCALAPPDATA']].filter(
      (r): r is string => Boolean(r),
    );
    return roots.flatMap((root) => [
      path.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      path.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
    ]);
  }
  if (process.platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ];
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/microsoft-edge'];
}

/** DOSSIER_CHROMIUM if set, else the first installed Chromium-family browser; null if none. */
export function findChromium(): string | null {
  const fromEnv = process.env['DOSSIER_CHROMIUM'];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return candidates().find((file) => existsSync(file)) ?? null;
}

/**
 * HtmlRenderer for the CLI and tests: playwright-core driving an installed browser. The browser
 * starts on first use (most exports have no Word documents) and is reused until close().
 * Pages run without JavaScript and offline: the HTML is a converted document, nothing more.
 */
export async function createChromiumRenderer(): Promise<HtmlRenderer | null> {
  const executablePath = findChromium();
  if (!executablePath) return null;
  let launching: Promise<Browser> | null = null;
  const browser = (): Promise<Browser> => {
    launching ??= chromium.launch({ executablePath, headless: true, args: ARGS }).catch((err: unknown) => {
      launching = null;
      throw err;
    });
    return launching;
  };
  return {
    async htmlToPdf(html: string): Promise<Uint8Array> {
      const context = await (await browser()).newContext({ javaScriptEnabled: false, offline: true });
      try {
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load', timeout: 60_000 });
        return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      } finally {
        await context.close();
      }
    },
    async close(): Promise<void> {
      const pending = launching;
      launching = null;
      const b = await pending?.catch(() => null);
      await b?.close();
    },
  };
}
