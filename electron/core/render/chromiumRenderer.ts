import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findChromium, headlessChromiumArgs } from './chromiumLaunch';
import type { HtmlRenderer } from './htmlRenderer';
import { Pool, printConcurrency } from './pool';

/**
 * HtmlRenderer for the CLI and tests: playwright-core driving an installed browser. The browser
 * starts on first use (most exports have no Word documents) and is reused until close(), with
 * one browser context and a few reused pages: a new context costs about a second, a reused
 * page's setContent a few tens of milliseconds. Pages run without JavaScript and offline: the
 * HTML is a converted document, nothing more.
 */
export async function createChromiumRenderer(): Promise<HtmlRenderer | null> {
  const executablePath = findChromium();
  if (!executablePath) return null;
  let launching: Promise<{ browser: Browser; context: BrowserContext }> | null = null;
  const session = () => {
    // Loaded on first use: playwright-core is heavy and most commands never render HTML.
    launching ??= import('playwright-core')
      .then(async ({ chromium }) => {
        const browser = await chromium.launch({ executablePath, headless: true, args: headlessChromiumArgs, timeout: 60_000 });
        return { browser, context: await browser.newContext({ javaScriptEnabled: false, offline: true }) };
      })
      .catch((err: unknown) => {
        launching = null;
        throw err;
      });
    return launching;
  };
  const pages = new Pool<Page>(
    printConcurrency(),
    async () => (await session()).context.newPage(),
    (page) => page.close(),
  );
  return {
    async start(): Promise<void> {
      await session();
    },
    htmlToPdf(html: string): Promise<Uint8Array> {
      return pages.use(async (page) => {
        await page.setContent(html, { waitUntil: 'load', timeout: 60_000 });
        // The embedded fonts decode after 'load'; printed before that, text set in them would be
        // invisible (the likely cause of a blank DOCX page seen once in a loaded test run). Playwright's
        // evaluate runs even with the page's JavaScript off.
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      });
    },
    async close(): Promise<void> {
      await pages.drain();
      const pending = launching;
      launching = null;
      const s = await pending?.catch(() => null);
      await s?.browser.close();
    },
  };
}
