// The layout corpus through the command line: `dossier indicators import` then `indicators list
// --json` give the same trees as the core, with every field the UI shows.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../helpers/tempArchive';
import { LAYOUTS, shapeOf, type Row } from './layoutShape';

const run = promisify(execFile);
const bin = path.join(repoRoot, 'bin', 'dossier.js');
const layoutsDir = path.join(repoRoot, 'tests', 'fixtures', 'indicators-layouts');
const archiveDir = tempDir('dossier-cli-layouts-');

async function dossier(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [bin, '--archive', archiveDir, ...args], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

afterAll(() => fs.rmSync(archiveDir, { recursive: true, force: true }));

describe('dossier indicators import / list --json on published layouts', () => {
  beforeAll(async () => {
    await dossier('init', '--name', '2025年度文明单位创建');
  }, 60_000);

  for (const layout of LAYOUTS) {
    it(`${layout.file}`, async () => {
      await dossier('indicators', 'import', path.join(layoutsDir, layout.file));
      const rows = JSON.parse(await dossier('indicators', 'list', '--json')) as (Row & Record<string, unknown>)[];
      expect(shapeOf(rows)).toEqual(layout.shape);
      expect(Object.keys(rows[0]).sort()).toEqual(
        ['code', 'numbering', 'title', 'parentCode', 'score', 'kind', 'content', 'standard', 'methods', 'requiredMaterials', 'responsibleUnit', 'responsiblePerson', 'deadline'].sort(),
      );
      const named = [...new Set(rows.flatMap((r) => String(r.responsibleUnit).split('、').filter(Boolean)))];
      expect(named).toEqual(layout.units);
      if (layout.file === 'person-deadline.xlsx') {
        expect(rows.filter((r) => r.responsiblePerson).map((r) => [r.title, r.responsiblePerson, r.deadline])).toEqual([
          ['成立创建工作领导小组', '张三', '2025-06-30'],
          ['制定创建实施方案', '张三、李四', '2025-07-15'],
          ['开展志愿服务活动', '王五', ''],
        ]);
      }
      if (layout.file === 'code-name-columns.xlsx') {
        // Code | name pairs keep the printed codes as codes and numbering.
        expect(rows.find((r) => r.title === '党建工作')).toMatchObject({ code: 'II-1', numbering: 'II-1', parentCode: '1-1', score: 7 });
        expect(rows.find((r) => r.title === '开展民主生活会')).toMatchObject({ parentCode: 'II-2', score: 3, responsibleUnit: '党办、工会', methods: ['材料审核'] });
      }
    }, 60_000);
  }

  it('import takes the preview’s choices: --simplify, --unit to rename or merge, --skip-table', async () => {
    const out = await dossier('indicators', 'preview', path.join(layoutsDir, 'graded-sheets.xlsx'));
    expect(out).toContain('另读取：工作表“否决项”，否决项“否决项”2 项（--skip-table 3 可不导入）');
    expect(out).toContain('跳过第 11 行（合计 20）：合计行，只用来核对总分（--keep-row 11 仍导入）');
    await dossier('indicators', 'import', path.join(layoutsDir, 'graded-sheets.xlsx'), '--skip-table', '3');
    const graded = JSON.parse(await dossier('indicators', 'list', '--json')) as Row[];
    expect(shapeOf(graded)).toMatchObject({ levels: [3, 6], vetoItems: 0, bonusItems: 2 });
    await dossier('indicators', 'import', path.join(layoutsDir, 'traditional-gbk.csv'), '--simplify', '--unit', '综合科=办公室');
    const simple = JSON.parse(await dossier('indicators', 'list', '--json')) as (Row & { responsibleUnit: string })[];
    expect(simple[0].title).toBe('组织领导');
    expect([...new Set(simple.map((r) => r.responsibleUnit).filter(Boolean))]).toEqual(['办公室', '宣传科']);
  }, 60_000);
});
