import path from 'node:path';
import { createContext } from '../electron/core/context';
import { createDirectClient } from '../electron/core/directClient';
import { createHandlers } from '../electron/core/handlers';
import { ensureRendererBuilt, launchBrowser, startBrowserMode } from '../tests/e2e/server';
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

/** Time from navigation to the material list's footer showing in Chromium: N materials vs 20. */
export async function benchMaterialList(count: number) {
  ensureRendererBuilt();
  const measure = async (n: number) => {
    const dir = path.join(tempDir('dossier-bench-list-'), 'archive');
    await fillArchive(dir, n);
    const server = await startBrowserMode(dir);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const start = performance.now();
      await page.goto(server.url);
      // Painted: the footer counts every material and the first row shows its 题名.
      await page.getByText(`共 ${n} 份材料`).waitFor({ timeout: 60_000 });
      await page.getByTestId('material-title').getByText('第0号材料', { exact: true }).waitFor({ timeout: 60_000 });
      const ms = performance.now() - start;
      const rows = await page.getByTestId('material-row').count();
      return { ms: Math.round(ms), rowsDrawn: rows };
    } finally {
      await browser.close();
      await server.stop();
    }
  };
  const small = await measure(20);
  const big = await measure(count);
  return {
    bench: 'material list first paint (Chromium, browser mode)',
    materials: count,
    firstPaintMs: big.ms,
    goalMs: 1000,
    rowsDrawn: big.rowsDrawn,
    baseline20MaterialsMs: small.ms,
    ratioVsBaseline: Number((big.ms / small.ms).toFixed(2)),
  };
}
