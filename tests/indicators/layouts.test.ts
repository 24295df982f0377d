// The layout corpus (tests/fixtures/indicators-layouts): published tables as their authors laid them
// out — code and name side by side, 负责部门 columns, 繁体, several tables and lists in one Word
// file, graded scores, no scores — each asserted whole through the core and the archive.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseIndicatorFile } from '../../electron/core/indicators/import';
import { openTestArchive } from '../helpers/tempArchive';
import { repoRoot } from './fixtures';
import { LAYOUTS, shapeOf } from './layoutShape';

export const layoutsDir = path.join(repoRoot, 'tests', 'fixtures', 'indicators-layouts');
const archive = openTestArchive();
afterAll(async () => {
  await archive.close();
  fs.rmSync(archive.dir, { recursive: true, force: true });
});

describe('published layouts, read by the core', () => {
  for (const layout of LAYOUTS) {
    it(`${layout.file}: the tree its authors meant`, async () => {
      const parsed = await parseIndicatorFile(path.join(layoutsDir, layout.file));
      expect(shapeOf(parsed.indicators)).toEqual(layout.shape);
      expect(parsed.indicators.filter((i) => i.parentCode === null).map((i) => i.title)).toEqual(layout.categories);
      expect(parsed.warnings).toHaveLength(layout.warnings.length);
      layout.warnings.forEach((w, i) => expect(parsed.warnings[i]).toMatch(w));
      // Units come clean out of “【提供材料部门：党办】”; no title keeps a code or a unit note.
      expect(parsed.indicators.every((i) => !/[【】：]/.test(i.responsibleUnit))).toBe(true);
      expect(parsed.indicators.every((i) => !/^[0-9IVX]+(-[0-9]+)*$/.test(i.title) && !/提供材料部门/.test(i.title + i.content))).toBe(true);
    });
  }
});

describe('importing fills the 责任单位 register', () => {
  it('adds each unit the 负责部门 column names once, as 部门, assigned to its indicators', async () => {
    const { api } = archive;
    await api['units.create']({ name: '办公室', kind: 'lead', persons: ['张三'] });
    for (const layout of LAYOUTS) await api['systems.importFile']({ path: path.join(layoutsDir, layout.file) });
    const units = await api['units.list']({});
    const expected = [...new Set(['办公室', ...LAYOUTS.flatMap((l) => l.units)])];
    expect(units.map((u) => u.name)).toEqual(expected);
    // The unit already registered keeps its kind and persons.
    expect(units[0]).toMatchObject({ name: '办公室', kind: 'lead', persons: ['张三'] });
    expect(units.slice(1).every((u) => u.kind === 'department' && u.indicatorCount > 0)).toBe(true);
    expect(units.find((u) => u.name === '党办')!.indicatorCount).toBe(3);
  });
});
