import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../electron/core/archive/archive';
import { parseIndicatorFile } from '../../electron/core/indicators/import';
import { listIndicators, saveSystem } from '../../electron/core/indicators/repo';
import { listTemplates, templatePath } from '../../electron/core/indicators/templates';
import { repoRoot, tempDir } from './fixtures';

const resourcesDir = path.join(repoRoot, 'resources');
const dir = tempDir();
const archive = openArchive(path.join(dir, 'archive'));
afterAll(() => {
  archive.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('bundled sample indicator systems', () => {
  const templates = listTemplates(resourcesDir);

  it('ships a 文明单位, a 文明校园 and a 文明城市 sample, each labelled 示例', () => {
    const names = templates.map((t) => t.name);
    for (const kind of ['文明单位', '文明校园', '文明城市']) {
      expect(names.some((n) => n.includes(kind) && n.includes('示例'))).toBe(true);
    }
  });

  it.each(templates.map((t) => [t.id]))('%s imports into a real archive with veto and bonus items', async (id) => {
    const parsed = await parseIndicatorFile(templatePath(resourcesDir, id));
    expect(parsed.warnings).toEqual([]);
    expect(parsed.name).toContain('示例');
    const system = saveSystem(archive.db, parsed, id);
    expect(system.indicatorCount).toBe(parsed.indicators.length);
    const stored = listIndicators(archive.db, system.id);
    expect(stored.some((i) => i.kind === 'veto')).toBe(true);
    expect(stored.some((i) => i.kind === 'bonus' && i.score !== null && i.score > 0)).toBe(true);
    // Regular categories carry scores, and together make 100 points.
    const top = stored.filter((i) => i.parentId === null && i.kind === 'scored');
    expect(top.length).toBeGreaterThanOrEqual(4);
    expect(top.reduce((s, i) => s + (i.score ?? 0), 0)).toBe(100);
    // Items have content, methods and materials to file against.
    const leaves = stored.filter((i) => i.kind === 'scored' && !stored.some((c) => c.parentId === i.id));
    expect(leaves.every((i) => i.content !== '' && i.methods.length > 0 && i.score !== null)).toBe(true);
    expect(leaves.filter((i) => i.requiredMaterials !== '').length).toBeGreaterThan(leaves.length / 2);
  });

  it('the 文明城市 sample has three levels: category rows, 测评项目, 测评内容', async () => {
    const id = templates.find((t) => t.name.includes('文明城市'))?.id ?? '';
    const parsed = await parseIndicatorFile(templatePath(resourcesDir, id));
    const depth = new Map<string, number>();
    for (const i of parsed.indicators) depth.set(i.code, i.parentCode === null ? 1 : (depth.get(i.parentCode) ?? 0) + 1);
    const counts = [1, 2, 3].map((d) => [...depth.values()].filter((x) => x === d).length);
    expect(counts).toEqual([6, 13, 23]);
    expect(parsed.indicators.find((i) => i.title === '依法行政')).toMatchObject({ numbering: '1', score: 10 });
    expect(parsed.indicators.find((i) => i.title === '政务服务大厅实行一窗受理，办事指南公开')).toMatchObject({
      responsibleUnit: '市政务服务中心',
      methods: ['实地考察'],
    });
  });
});
