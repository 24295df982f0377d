// Start browser mode exactly as a clerk would (`node --import tsx electron/web/main.ts …`) and
// read the printed URL.
import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { findChromium, headlessChromiumArgs } from '../../electron/core/render/chromiumLaunch';
import { TOKEN_HEADER } from '../../shared/transport';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface BrowserModeServer {
  url: string;
  origin: string;
  token: string;
  output(): string;
  stop(): Promise<void>;
  /** SIGKILL, as a power cut or a crash looks: nothing of the process gets to clean up. */
  kill(): Promise<void>;
}

/** `npm test` builds the renderer first; a lone `npx vitest run tests/e2e` may find no build. */
export function ensureRendererBuilt(): void {
  if (fs.existsSync(path.join(repoRoot, 'renderer/dist/index.html'))) return;
  execFileSync('npx', ['vite', 'build', '--config', 'vite.renderer.config.ts'], { cwd: repoRoot, stdio: 'pipe' });
}

export async function startBrowserMode(archiveDir: string, timeoutMs = 60_000, env: Record<string, string> = {}): Promise<BrowserModeServer> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/web/main.ts', '--archive', archiveDir, '--port', '0'],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...env } },
  );
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (output += d));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`浏览器模式 ${timeoutMs / 1000} 秒内没有打印地址。输出：\n${output}`));
    }, timeoutMs);
    const onData = () => {
      const m = /请在浏览器中打开：(http:\/\/\S+)/.exec(output);
      if (m) {
        cleanup();
        resolve(m[1]);
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`浏览器模式启动失败（退出码 ${code}）。输出：\n${output}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
    };
    child.stdout!.on('data', onData);
    child.on('exit', onExit);
  });

  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    output: () => output,
    stop: () => stopChild(child),
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Debian's Chromium (or DOSSIER_CHROMIUM), headless and offline, as every E2E test drives it. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('没有找到 Chromium：请安装（apt-get install chromium）或设置 DOSSIER_CHROMIUM');
  return chromium.launch({ executablePath, headless: true, args: headlessChromiumArgs });
}

/** A clerk's window: 1440×900, Chinese locale, uncaught page errors collected for the assertions. */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.setDefaultTimeout(30_000);
  await page.goto(url);
  return { page, errors };
}

export interface BrowserModeSuite {
  /** A temp folder for the test's own files; the archive is `archiveDir` inside it. */
  tmp: string;
  archiveDir: string;
  server(): BrowserModeServer;
  browser(): Browser;
  /** One call of the HTTP bridge, as the page makes it: the result, for checking what was saved. */
  api(method: string, args: unknown): Promise<unknown>;
}

/**
 * One suite's browser mode: registers beforeAll (build the renderer if needed, let the test
 * fill the archive, start browser mode on it, launch Chromium) and afterAll (close, stop,
 * remove the temp folder unless DOSSIER_E2E_KEEP is set).
 */
export function useBrowserMode(prefix: string, prepare?: (archiveDir: string) => Promise<void>, serverEnv: Record<string, string> = {}): BrowserModeSuite {
  const tmp = fs.mkdtempSync(path.join(process.env.DOSSIER_TEMP_ROOT ?? os.tmpdir(), prefix));
  const archiveDir = path.join(tmp, 'archive');
  let server: BrowserModeServer | null = null;
  let browser: Browser | null = null;
  beforeAll(async () => {
    ensureRendererBuilt();
    await prepare?.(archiveDir);
    server = await startBrowserMode(archiveDir, 60_000, serverEnv);
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (!process.env.DOSSIER_E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
  });
  return {
    tmp,
    archiveDir,
    server: () => server ?? fail('browser mode is not running'),
    browser: () => browser ?? fail('Chromium is not running'),
    api: async (method, args) => {
      const running = server ?? fail('browser mode is not running');
      const res = await fetch(`${running.origin}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: running.token },
        body: JSON.stringify(args),
      });
      return ((await res.json()) as { result: unknown }).result;
    },
  };
}

function fail(message: string): never {
  throw new Error(message);
}

/**
 * Click a button in a dialog that has just opened, until `effect` shows. Under a loaded
 * machine a click landing during antd's opening animation can be lost; a clerk clicks again,
 * and so does the test (at most three times).
 */
export async function clickUntil(button: Locator, effect: Locator, perAttemptMs = 10_000): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    await button.click();
    const shown = await effect.first().waitFor({ timeout: perAttemptMs }).then(
      () => true,
      () => false,
    );
    if (shown) return;
    if (attempt === 3) throw new Error(`点击三次后仍未看到预期结果：${effect.toString()}`);
  }
}

/**
 * Open a tab of a dialog or drawer: clicked until it is the selected one. A click while the
 * container is still in antd's opening motion (paused at its first, shrunken frame under load)
 * can land beside the tab; a clerk clicks again, and so does the test.
 */
export async function openTab(container: Locator, name: string | RegExp, timeoutMs = 30_000): Promise<void> {
  const tab = container.getByRole('tab', { name });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await tab.click();
    const selected = await tab
      .and(container.locator('[aria-selected="true"]'))
      .waitFor({ timeout: 2_000 })
      .then(
        () => true,
        () => false,
      );
    if (selected) return;
    if (Date.now() > deadline) throw new Error(`标签页“${String(name)}”点击后仍未打开`);
  }
}
