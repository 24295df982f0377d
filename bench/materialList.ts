import path from 'node:path';
import { createContext } from '../electron/core/context';
import { createDirectClient } from '../electron/core/directClient';
import { createHandlers } from '../electron/core/handlers';
import { startHttpBridge } from '../electron/web/httpBridge';
import { ensureRendererBuilt, launchBrowser, startBrowserMode } from '../tests/e2e/server';
import { buildBaselinePage } from './baselinePage';
import { tempDir } from './util';

/** Fill an archive with `count` materials straight through SQL (the list is what is measured). */
export async function fillArchive(dir: string, count: number): Promise<void> {
  const ctx = createContext({ archiveDir: dir, transport: 'direct' });
  const api = createDirectClient(createHandlers(ctx));
  const [template] = await api['systems.templates']({});
  const system = await api['systems.importTemplate']({ templateId: template.id });
  await api['dossiers.create']({ name: 'bench', systemId: system.id });
  const { db } = ctx.archive;
  const now = new Date().toISOString();
  const blob = db.prepare("INSERT INTO blob (sha256, size, media_type, created_at) VALUES (?, 1000, 'application/pdf', ?)");
  const mat = db.prepare(
    "INSERT INTO material (dossier_id, kind, sha256, original_name, title, created_at, updated_at) VALUES (1, 'document', ?, ?, ?, ?, ?)",
  );
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const sha = i.toString(16).padStart(64, '0');
      blob.run(sha, now);
      mat.run(sha, `材料${i}.pdf`, `第${i}号材料`, now, now);
    }
  })();
  await ctx.close();
}

/** In the page before anything else: keep when each `elementtiming` element was first painted. */
const recordPaints = `window.__painted = {};
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (!(e.identifier in window.__painted)) window.__painted[e.identifier] = e.renderTime || e.loadTime;
}).observe({ type: 'element', buffered: true });`;

/**
 * Time from navigation until the list's footer (every material counted) and the first row's 题名
 * are painted, in a fresh Chromium: N materials vs 20, and 20 vs a baseline page of React, antd's
 * ConfigProvider and one Table (bench/baselinePage.ts) served by the same bridge; each the
 * median of three cold starts, all in one run. Painted: as the browser reports it (Element
 * Timing, both pages mark the same two elements); seen: when a script polling the page (as a
 * test does) found them, which also waits for whatever the page does right after that frame.
 */
export async function benchMaterialList(count: number) {
  ensureRendererBuilt();
  const open = async (n: number) => {
    const dir = path.join(tempDir('dossier-bench-list-'), 'archive');
    await fillArchive(dir, n);
    const server = await startBrowserMode(dir);
    return { n, server };
  };
  const measure = async ({ n, server }: Awaited<ReturnType<typeof open>>) => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.addInitScript(recordPaints);
      const start = performance.now();
      await page.goto(server.url);
      await page.getByText(`共 ${n} 份材料`).waitFor({ timeout: 60_000 });
      await page.getByTestId('material-title').getByText('第0号材料', { exact: true }).waitFor({ timeout: 60_000 });
      const seen = performance.now() - start;
      // Entries come with the frame's presentation, a moment after it.
      const painted = await page.waitForFunction(() => {
        const p = (window as unknown as { __painted: Record<string, number> }).__painted;
        return p['material-count'] !== undefined && p['material-title'] !== undefined && Math.max(p['material-count'], p['material-title']);
      }, undefined, { timeout: 10_000 });
      return { ms: Number(await painted.jsonValue()), seen, rowsDrawn: await page.getByTestId('material-row').count() };
    } finally {
      await browser.close();
    }
  };
  const small = await open(20);
  const big = await open(count);
  // The baseline page, over the same loopback bridge as browser mode (an empty archive behind it).
  const baselineDist = tempDir('dossier-bench-baseline-');
  await buildBaselinePage(baselineDist);
  const baselineDir = path.join(tempDir('dossier-bench-baseline-archive-'), 'archive');
  const baselineCtx = createContext({ archiveDir: baselineDir, transport: 'direct' });
  const baselineBridge = await startHttpBridge({ handlers: createHandlers(baselineCtx), archive: baselineCtx.archive, staticDir: baselineDist });
  try {
    const smallRuns: number[] = [];
    const bigRuns: number[] = [];
    const baselineRuns: number[] = [];
    const seen = { small: [] as number[], baseline: [] as number[] };
    let rowsDrawn = 0;
    for (let i = 0; i < 3; i += 1) {
      const base = await measure({ n: 20, server: { url: baselineBridge.url } as Awaited<ReturnType<typeof open>>['server'] });
      baselineRuns.push(base.ms);
      seen.baseline.push(base.seen);
      const s = await measure(small);
      smallRuns.push(s.ms);
      seen.small.push(s.seen);
      const b = await measure(big);
      bigRuns.push(b.ms);
      rowsDrawn = b.rowsDrawn;
    }
    const firstPaintMs = Math.round(median(bigRuns));
    const baseline = Math.round(median(smallRuns));
    const reactAntdTable = Math.round(median(baselineRuns));
    return {
      bench: 'material list first paint (Chromium, browser mode, cold start, painted per Element Timing, median of 3)',
      materials: count,
      firstPaintMs,
      goalMs: 1000,
      rowsDrawn,
      baseline20MaterialsMs: baseline,
      ratioVsBaseline: Number((firstPaintMs / baseline).toFixed(2)),
      goalRatioVsBaseline: 1.2,
      baselinePageMs: reactAntdTable,
      mainScreen20VsBaselinePage: Number((baseline / reactAntdTable).toFixed(2)),
      goalMainScreenVsBaselinePage: 1.5,
      seenByPolling: {
        mainScreen20Ms: Math.round(median(seen.small)),
        baselinePageMs: Math.round(median(seen.baseline)),
        ratio: Number((median(seen.small) / median(seen.baseline)).toFixed(2)),
      },
    };
  } finally {
    await small.server.stop();
    await big.server.stop();
    await baselineBridge.close();
    await baselineCtx.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
