import type { Browser } from 'playwright-core';
import { findChromium, headlessChromiumArgs } from './chromiumLaunch';
import type { HtmlRenderer } from './htmlRenderer';

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
    // Loaded on first use: playwright-core is heavy and most commands never render HTML.
    launching ??= import('playwright-core')
      .then(({ chromium }) => chromium.launch({ executablePath, headless: true, args: headlessChromiumArgs, timeout: 60_000 }))
      .catch((err: unknown) => {
        launching = null;
        throw err;
      });
    return launching;
  };
  return {
    async start(): Promise<void> {
      await browser();
    },
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
