// The first screen's code comes as one script (vite.renderer.config.ts, startChunk): split into
// shared pieces it came over the browser's six connections in waves. What loads later (dialogs,
// charts, PDF pages) stays out of it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureRendererBuilt, repoRoot } from '../e2e/server';

describe('the renderer build', () => {
  it('starts the main screen from one script, with the later parts loaded on demand', () => {
    ensureRendererBuilt();
    const dist = path.join(repoRoot, 'renderer/dist');
    const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script type="module"[^>]*src="\.\/assets\/([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(1);
    expect(html).not.toContain('modulepreload');
    const entry = fs.readFileSync(path.join(dist, 'assets', scripts[0]), 'utf8');
    // No static import of another chunk: only import("./…") of what is drawn later.
    expect(entry).not.toMatch(/(?:^|[;\n}])\s*import\s*[{*\w][^;]*?from\s*["']\.\//);
    const chunks = fs.readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js'));
    for (const later of ['EChart', 'pdf', 'BulkBar', 'MaterialDrawer', 'ExportDialog']) {
      expect(chunks.some((f) => f.startsWith(later)), later).toBe(true);
    }
  });
});
