// Search finds words inside PDFs, DOCX and XLSX, one- and two-character Chinese queries too,
// returns the text around the match, narrows by filters, and `dossier search` agrees.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator, SearchFilters } from '../../shared/domain';
import { writeTextPdf } from '../../electron/core/demo/textPdf';
import { openTestArchive, repoRoot, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';
import { docx, xlsx } from './fixtures';

describe('search', () => {
  const dir = tempDir('dossier-search-');
  let t: TestArchive;
  let dossierId: number;
  let leaves: Indicator[];
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = openTestArchive(path.join(dir, 'archive'));
    const s = await sampleDossier(t.api);
    dossierId = s.dossier.id;
    leaves = s.indicators.filter((i) => !s.indicators.some((c) => c.parentId === i.id));
    const files: [string, Buffer | Uint8Array, number[]][] = [
      ['工作方案20240110.pdf', await writeTextPdf('年度工作方案', ['全年组织垃圾分类宣传进社区活动六次。']), [leaves[0].id]],
      ['总结20240620.docx', await docx({ coreTitle: '上半年总结', paragraphs: ['开展无偿献血活动，参与职工八十人。'] }), [leaves[1].id]],
      ['台账20241201.xlsx', await xlsx([['项目', '负责人'], ['文明餐桌行动', '王芳']]), []],
    ];
    for (const [name, bytes, indicatorIds] of files) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, bytes);
      const r = await t.api['materials.add']({ dossierId, paths: [file], indicatorIds });
      ids[name] = r.added[0].material.id;
    }
  }, 60_000);
  afterAll(async () => t?.close());

  const find = async (query: string, filters = {}) =>
    (await t.api['materials.search']({ dossierId, query, filters })).hits;

  it('finds text inside a PDF, a DOCX and an XLSX, with the text around the match', async () => {
    const pdf = await find('垃圾分类');
    expect(pdf.map((h) => h.material.id)).toEqual([ids['工作方案20240110.pdf']]);
    expect(pdf[0].snippetSource).toBe('body');
    expect(pdf[0].snippet).toContain('垃圾分类宣传进社区');
    expect((await find('无偿献血')).map((h) => h.material.id)).toEqual([ids['总结20240620.docx']]);
    expect((await find('文明餐桌')).map((h) => h.material.id)).toEqual([ids['台账20241201.xlsx']]);
  });

  it('finds one- and two-character Chinese queries', async () => {
    expect((await find('献血')).map((h) => h.material.id)).toEqual([ids['总结20240620.docx']]);
    expect((await find('芳')).map((h) => h.material.id)).toEqual([ids['台账20241201.xlsx']]);
    expect((await find('芳'))[0].snippet).toContain('王芳');
  });

  it('filters by kind, indicator, date range and 未归类', async () => {
    const all = (filters: object) => find('', filters).then((h) => h.map((x) => x.material.id).sort());
    expect(await all({ kinds: ['spreadsheet'] })).toEqual([ids['台账20241201.xlsx']]);
    expect(await all({ indicatorId: leaves[0].id })).toEqual([ids['工作方案20240110.pdf']]);
    // A category finds what is filed under its leaves.
    expect(await all({ indicatorId: leaves[1].parentId! })).toContain(ids['总结20240620.docx']);
    expect(await all({ dateFrom: '20240601', dateTo: '20241231' })).toEqual(
      [ids['总结20240620.docx'], ids['台账20241201.xlsx']].sort(),
    );
    expect(await all({ unlinked: true })).toEqual([ids['台账20241201.xlsx']]);
    expect((await find('活动', { kinds: ['document'], dateTo: '20240301' })).map((h) => h.material.id)).toEqual([
      ids['工作方案20240110.pdf'],
    ]);
  });

  it('the 责任单位 filter matches whole unit names, as the tree filter does', async () => {
    await t.api['indicators.update']({ indicatorId: leaves[0].id, fields: { responsibleUnit: '党政办公室' } });
    await t.api['indicators.update']({ indicatorId: leaves[1].id, fields: { responsibleUnit: '办公室、工会' } });
    const byUnit = (unit: string) => find('', { responsibleUnit: unit }).then((h) => h.map((x) => x.material.id));
    expect(await byUnit('办公室')).toEqual([ids['总结20240620.docx']]);
    expect(await byUnit('党政办公室')).toEqual([ids['工作方案20240110.pdf']]);
    expect(await byUnit('工会')).toEqual([ids['总结20240620.docx']]);
    expect(await byUnit('公室')).toEqual([]);
  });

  it('dossier search gives the same results', async () => {
    await t.close();
    const bin = path.join(repoRoot, 'bin', 'dossier.js');
    const run = promisify(execFile);
    const cli = async (...args: string[]) =>
      JSON.parse((await run(process.execPath, [bin, 'search', ...args, '--archive', path.join(dir, 'archive'), '--json'], { cwd: repoRoot })).stdout) as {
        id: number;
        snippet: string;
      }[];
    const t2 = openTestArchive(path.join(dir, 'archive'));
    try {
      const cases: [string, SearchFilters, string[]][] = [
        ['献血', {}, ['献血']],
        ['垃圾分类', {}, ['垃圾分类']],
        ['', { unlinked: true }, ['--unlinked']],
        ['', { kinds: ['document'], dateFrom: '20240601' }, ['--kind', 'document', '--from', '20240601']],
      ];
      for (const [q, filters, args] of cases) {
        const api = (await t2.api['materials.search']({ dossierId, query: q, filters })).hits;
        const viaCli = await cli(...args);
        expect(viaCli.map((r) => r.id)).toEqual(api.map((h) => h.material.id));
        expect(viaCli.map((r) => r.snippet)).toEqual(api.map((h) => h.snippet));
      }
    } finally {
      await t2.close();
    }
  }, 60_000);
});
