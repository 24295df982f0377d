// Preview before save: the tree with counts, totals and warnings, nothing written; manual column
// mapping when the header is not recognised; importFile takes the confirmed mapping.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestArchive } from '../helpers/tempArchive';
import { samplesDir, tempDir, writeFile, writeXlsx } from './fixtures';
import { rejection } from './helpers';

const dir = tempDir();
const archive = openTestArchive();
afterAll(async () => {
  await archive.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(archive.dir, { recursive: true, force: true });
});

const systemCount = () => (archive.ctx.archive.db.prepare('SELECT count(*) AS n FROM indicator_system').get() as { n: number }).n;

describe('systems.preview', () => {
  it('shows the sample workbook’s tree, counts and totals per level, and writes nothing', async () => {
    const file = path.join(samplesDir, '文明校园测评体系（示例）.xlsx');
    const p = await archive.api['systems.preview']({ path: file });
    expect(p.problem).toBeNull();
    expect(p.mappingSource).toBe('detected');
    expect(p.levels.map((l) => l.count)).toEqual([8, 14, 22]);
    expect(p.levels[0]).toMatchObject({ scoreTotal: 64, bonusTotal: 3, vetoCount: 1 });
    expect(p.indicators).toHaveLength(44);
    expect(p.indicators.find((i) => i.code === '2.1.1')).toMatchObject({ depth: 3, score: 4 });
    expect(p.mapping?.columns.some((c) => c.role === 'level')).toBe(true);
    expect(p.sampleRows[0].join('|')).toContain('一级指标');
    expect(p.warnings).toEqual([]);
    expect(systemCount()).toBe(0);
  });

  it('lists warnings: items whose scores do not add up to their category', async () => {
    const csv = '编码,名称,上级编码,分值\n1,组织领导,,20\n1.1,领导小组,1,5\n1.2,工作制度,1,5\n';
    const p = await archive.api['systems.preview']({ path: writeFile(dir, '不合计.csv', csv) });
    expect(p.warnings.join('\n')).toMatch(/组织领导.*20.*10|20.*10.*组织领导/);
    expect(p.levels.map((l) => [l.count, l.scoreTotal])).toEqual([
      [1, 20],
      [2, 10],
    ]);
  });

  it('without a recognisable header: says why, shows the rows, and imports with the clerk’s mapping', async () => {
    const file = await writeXlsx(dir, '自制表.xlsx', [
      {
        rows: [
          ['栏目甲', '栏目乙', '栏目丙'],
          ['组织领导', '成立创建领导小组', 5],
          ['组织领导', '定期研究创建工作', 5],
          ['环境卫生', '办公区整洁', 10],
        ],
        merges: ['A2:A3'],
      },
    ]);
    const first = await archive.api['systems.preview']({ path: file });
    expect(first.problem).toContain('没有找到表头');
    expect(first.indicators).toEqual([]);
    expect(first.mapping).toBeNull();
    expect(first.sampleRows[0]).toEqual(['栏目甲', '栏目乙', '栏目丙']);

    const mapping = {
      table: 0,
      headerRow: 0,
      headerRows: 1,
      columns: [
        { col: 0, role: 'level' as const, level: 1 },
        { col: 1, role: 'level' as const, level: 2 },
        { col: 2, role: 'score' as const },
      ],
    };
    const mapped = await archive.api['systems.preview']({ path: file, mapping });
    expect(mapped.problem).toBeNull();
    expect(mapped.mappingSource).toBe('manual');
    expect(mapped.levels.map((l) => [l.count, l.scoreTotal])).toEqual([
      [2, 20],
      [3, 20],
    ]);
    expect(systemCount()).toBe(0);

    const system = await archive.api['systems.importFile']({ path: file, mapping });
    expect(system.indicatorCount).toBe(5);
    const list = await archive.api['indicators.list']({ systemId: system.id });
    expect(list.map((i) => [i.code, i.title, i.score])).toEqual([
      ['1', '组织领导', 10],
      ['1.1', '成立创建领导小组', 5],
      ['1.2', '定期研究创建工作', 5],
      ['2', '环境卫生', 10],
      ['2.1', '办公区整洁', 10],
    ]);
  });

  it('a mapping with no naming column is explained in the preview and refused on import; empty files stay errors', async () => {
    const file = writeFile(dir, '只有分值.csv', '甲,乙\n5,6\n');
    const mapping = { table: 0, headerRow: 0, columns: [{ col: 0, role: 'score' as const }] };
    const p = await archive.api['systems.preview']({ path: file, mapping });
    expect(p.problem).toContain('请至少把一列指定为指标名称');
    expect(p.sampleRows[0]).toEqual(['甲', '乙']);
    const err = await rejection(archive.api['systems.importFile']({ path: file, mapping }));
    expect(err.message).toContain('请至少把一列指定为指标名称');
    expect(systemCount()).toBe(1); // only the one confirmed above
    const empty = await rejection(archive.api['systems.preview']({ path: writeFile(dir, '空.csv', '\n\n') }));
    expect(empty.message).toContain('是空的');
  });

  it('the detected mapping, confirmed as is, imports the same tree (two-row headers included)', async () => {
    const file = path.join(samplesDir, '国家卫生城市评分表（示例）.docx');
    const p = await archive.api['systems.preview']({ path: file });
    const a = await archive.api['systems.importFile']({ path: file, mapping: p.mapping! });
    const b = await archive.api['systems.importFile']({ path: file });
    const strip = (list: { code: string; title: string; score: number | null; kind: string }[]) =>
      list.map((i) => [i.code, i.title, i.score, i.kind]);
    expect(strip(await archive.api['indicators.list']({ systemId: a.id }))).toEqual(
      strip(await archive.api['indicators.list']({ systemId: b.id })),
    );
    expect(a.indicatorCount).toBe(p.indicators.length);
  });
});
