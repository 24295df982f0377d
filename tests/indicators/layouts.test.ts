// The layout corpus (tests/fixtures/indicators-layouts): published tables as their authors laid them
// out — code and name side by side, 负责部门 columns, 繁体, several tables and lists in one Word
// file, graded scores, no scores — each asserted whole through the core and the archive.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parseIndicatorFile } from '../../electron/core/indicators/import';
import { fillSelfEvalSheet, SELF_EVAL_SHEET } from '../../electron/core/packets/workbook/selfEvalSheet';
import { openTestArchive } from '../helpers/tempArchive';
import { repoRoot, tempDir, writeXlsx } from './fixtures';
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

describe('the preview shows what the importer decided, and each choice can be changed', () => {
  const file = (name: string) => path.join(layoutsDir, name);

  it('names the tables read as 否决项/加分项, the rows skipped and why, and which column is which', async () => {
    const p = await archive.api['systems.preview']({ path: file('graded-sheets.xlsx') });
    expect(p.tables).toEqual(['工作表“测评标准”', '工作表“加分项”', '工作表“否决项”']);
    expect(p.mapping).toMatchObject({ table: 0, headerRow: 0, headerRows: 2 });
    expect(p.mapping!.columns.map((c) => `${c.col}:${c.role}`)).toEqual(['0:code', '1:title', '2:score', '3:standard', '4:standard', '5:standard', '6:standard', '7:unit']);
    expect(p.sections).toEqual([
      { table: 1, label: '工作表“加分项”', kind: 'bonus', title: '加分项', count: 2, skipped: false },
      { table: 2, label: '工作表“否决项”', kind: 'veto', title: '否决项', count: 2, skipped: false },
    ]);
    expect(p.skippedRows.map((r) => `${r.row} ${r.reason}`)).toEqual(['6 小计行，不是指标', '10 小计行，不是指标', '11 合计行，只用来核对总分']);
    expect(p.indicators.find((i) => i.title === '党组织健全')!.standard).toBe('A：1.0\nB：0.8\nC：0.6\nD：0.4');

    // The detected columns, handed back as the clerk's own mapping, give the same tree.
    const again = await archive.api['systems.preview']({ path: file('graded-sheets.xlsx'), mapping: p.mapping! });
    expect(again.indicators).toEqual(p.indicators);
    // Another mapping right after is read afresh, not taken from the last reading.
    const noUnits = { ...p.mapping!, columns: p.mapping!.columns.filter((c) => c.role !== 'unit') };
    const changed = await archive.api['systems.preview']({ path: file('graded-sheets.xlsx'), mapping: noUnits });
    expect(changed.units).toEqual([]);
    expect((await archive.api['systems.preview']({ path: file('graded-sheets.xlsx') })).units).toHaveLength(4);
    const pairs = await archive.api['systems.preview']({ path: file('code-name-columns.xlsx') });
    expect(pairs.mapping!.columns.filter((c) => c.role === 'code')).toEqual([
      { col: 0, role: 'code', codeFor: 1 },
      { col: 2, role: 'code', codeFor: 3 },
    ]);
    const pairsAgain = await archive.api['systems.preview']({ path: file('code-name-columns.xlsx'), mapping: pairs.mapping! });
    expect(pairsAgain.indicators).toEqual(pairs.indicators);

    // Sheets with the main table's very columns are more of the same system.
    const sheets = await archive.api['systems.preview']({ path: file('sheet-per-category.xlsx') });
    expect(sheets.sections.map((x) => [x.table, x.kind, x.title, x.count])).toEqual([
      [1, 'scored', '文明实践', 2],
      [2, 'bonus', '加分项', 1],
    ]);

    // …but another version of it (the same categories again) is not merged, only named.
    const dir = tempDir();
    const versions = await writeXlsx(dir, '两版.xlsx', [
      { name: '2024版', rows: [['一级指标', '二级指标', '分值'], ['组织领导', '领导重视', 5], [null, '机构健全', 5]] },
      { name: '2023版', rows: [['一级指标', '二级指标', '分值'], ['组织领导', '领导重视', 4], [null, '机构健全', 6]] },
    ]);
    const two = await archive.api['systems.preview']({ path: versions });
    expect(two.levels.map((l) => l.count)).toEqual([1, 2]);
    expect(two.warnings).toEqual([expect.stringContaining('工作表“2023版”也像一份测评体系，本次没有导入它')]);
    fs.rmSync(dir, { recursive: true, force: true });

    // A row skipped as 注 or 合计 can be imported all the same.
    const notes = await archive.api['systems.preview']({ path: file('roman-outline.csv') });
    expect(notes.skippedRows.map((r) => [r.row, r.reason, r.kept])).toEqual([
      [5, '小计行，不是指标', false],
      [11, '合计行，只用来核对总分', false],
      [12, '注释或说明，不是指标', false],
    ]);
    const kept = await archive.api['systems.preview']({ path: file('roman-outline.csv'), keepRows: [12] });
    expect(kept.skippedRows.find((r) => r.row === 12)!.kept).toBe(true);
    expect(kept.indicators.length).toBe(notes.indicators.length + 1);
    expect(kept.indicators.some((i) => i.title.startsWith('注：加分项最高不超过3分'))).toBe(true);

    // The clerk leaves the 否决项 sheet out.
    const without = await archive.api['systems.preview']({ path: file('graded-sheets.xlsx'), skipSections: [2] });
    expect(without.sections.map((s) => s.skipped)).toEqual([false, true]);
    expect(without.levels[0]).toMatchObject({ count: 3, vetoCount: 0 });
  });

  it('reads a Word file’s second table and its numbered list, and says where each section came from', async () => {
    const table = await archive.api['systems.preview']({ path: file('veto-table.docx') });
    expect(table.sections).toEqual([{ table: 1, label: '第 2 个表格', kind: 'veto', title: '一票否决项', count: 3, skipped: false }]);
    expect(table.indicators.find((i) => i.title === '一票否决项')!.content).toBe('申报前两年内有下列情形之一的，不得申报');
    expect(table.skippedRows.map((r) => r.reason)).toEqual(['合计行，只用来核对总分']);
    const list = await archive.api['systems.preview']({ path: file('veto-list.docx') });
    expect(list.sections).toEqual([{ table: 1, label: '第 1 个表格后的文字', kind: 'veto', title: '否决项', count: 3, skipped: false }]);
    // The 注 paragraph after the table is neither an item nor a section.
    expect(list.skippedRows).toEqual([]);
    expect(list.indicators.some((i) => /测评内容后括号/.test(i.title + i.content))).toBe(false);
  });

  it('offers 简体 for a 繁体 table and converts every text when asked, codes and scores unchanged', async () => {
    const asWritten = await archive.api['systems.preview']({ path: file('traditional-gbk.csv') });
    expect(asWritten.traditional).toBe(true);
    expect(asWritten.indicators[0].title).toBe('組織領導');
    const simple = await archive.api['systems.preview']({ path: file('traditional-gbk.csv'), simplify: true });
    expect(simple.indicators.map((i) => i.title).slice(0, 3)).toEqual(['组织领导', '领导重视', '成立创建工作领导小组']);
    expect(simple.units.map((u) => u.name)).toEqual(['办公室', '综合科', '宣传科']);
    expect(simple.indicators.map((i) => [i.code, i.score])).toEqual(asWritten.indicators.map((i) => [i.code, i.score]));
    // The system's name, from the heading above the table, is kept as written too.
    const web = await archive.api['systems.preview']({ path: file('web-copy-traditional.docx') });
    expect(web.name).toBe('全國文明單位測評體系');
    expect((await archive.api['systems.preview']({ path: file('web-copy-traditional.docx'), simplify: true })).name).toBe('全国文明单位测评体系');
    const plain = await archive.api['systems.preview']({ path: file('code-name-columns.xlsx') });
    expect(plain.traditional).toBe(false);
  });

  it('lists the units it will create; renamed and merged units are what the register and the items get', async () => {
    const fresh = openTestArchive();
    try {
      const { api } = fresh;
      await api['units.create']({ name: '宣传科', kind: 'department', persons: [] });
      const p = await api['systems.preview']({ path: file('code-name-columns.xlsx') });
      expect(p.units).toEqual([
        { name: '党办', indicatorCount: 3, registered: false },
        { name: '纪检组', indicatorCount: 1, registered: false },
        { name: '工会', indicatorCount: 1, registered: false },
        { name: '宣传科', indicatorCount: 2, registered: true },
      ]);
      // 党办 becomes 党政办, 纪检组 is merged into it.
      const unitNames = [
        { from: '党办', to: '党政办' },
        { from: '纪检组', to: '党政办' },
      ];
      const renamed = await api['systems.preview']({ path: file('code-name-columns.xlsx'), unitNames });
      expect(renamed.units.map((u) => [u.name, u.indicatorCount])).toEqual([
        ['党政办', 4],
        ['工会', 1],
        ['宣传科', 2],
      ]);
      const system = await api['systems.importFile']({ path: file('code-name-columns.xlsx'), unitNames });
      expect((await api['units.list']({})).map((u) => [u.name, u.indicatorCount])).toEqual([
        ['宣传科', 2],
        ['党政办', 4],
        ['工会', 1],
      ]);
      const items = await api['indicators.list']({ systemId: system.id });
      expect(items.find((i) => i.title === '开展民主生活会')!.responsibleUnit).toBe('党政办、工会');
      const bad = await api['systems.importFile']({ path: file('code-name-columns.xlsx'), unitNames: [{ from: '党办', to: '党办、工会' }] }).catch((e: Error) => e);
      expect(String(bad)).toContain('单位名称中不能有');
    } finally {
      await fresh.close();
      fs.rmSync(fresh.dir, { recursive: true, force: true });
    }
  });
});

describe('a table without scores (weights set by each province)', () => {
  it('imports with empty scores and no total warning; coverage works and 自评 reports 达标 by items', async () => {
    const { api } = archive;
    const system = await api['systems.importFile']({ path: path.join(layoutsDir, 'no-scores.xlsx') });
    const dossier = await api['dossiers.create']({ name: '2025年度全国文明单位', unit: '示例局', period: '2025年', systemId: system.id });
    const items = await api['indicators.list']({ systemId: system.id });
    expect(items.every((i) => i.score === null)).toBe(true);
    const coverage = await api['coverage.get']({ dossierId: dossier.id });
    expect(coverage.filter((r) => r.isLeaf && r.missing)).toHaveLength(5);

    const before = await api['selfEval.get']({ dossierId: dossier.id });
    expect(before).toMatchObject({ byItems: true, itemCount: 5, itemsMet: 0, pending: 5, result: 'fail' });
    const leaves = items.filter((i) => !items.some((c) => c.parentId === i.id));
    for (const leaf of leaves) await api['selfEval.set']({ dossierId: dossier.id, indicatorId: leaf.id, met: true });
    const after = await api['selfEval.get']({ dossierId: dossier.id });
    expect(after).toMatchObject({ byItems: true, itemsMet: 5, pending: 0, result: 'pass', maxScore: 0, total: 0 });
    expect(after.rows.filter((r) => r.isLeaf).every((r) => r.met === true && r.selfScore === null)).toBe(true);
    const one = await api['selfEval.set']({ dossierId: dossier.id, indicatorId: leaves[0].id, met: false });
    expect(one).toMatchObject({ itemsMet: 4, result: 'fail' });
    const refused = await api['selfEval.set']({ dossierId: dossier.id, indicatorId: leaves[0].id, score: 3 }).catch((e: Error) => e);
    expect(String(refused)).toContain('没有分值，请选择“达标”或“未达标”');

    // The packet's 自评表 says the same, item by item.
    const workbook = new ExcelJS.Workbook();
    fillSelfEvalSheet(workbook.addWorksheet(SELF_EVAL_SHEET), one);
    const cells = workbook.getWorksheet(SELF_EVAL_SHEET)!.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1).join('|') : ''));
    expect(cells).toContain(`${leaves[0].code}|　${leaves[0].title}|计分||未达标||`);
    expect(cells.some((c) => c.includes('达标项（测评体系未设分值）') && c.includes('4 / 5 项'))).toBe(true);
    expect(cells.some((c) => c.includes('自评结论') && c.includes('未达标'))).toBe(true);
  });
});
