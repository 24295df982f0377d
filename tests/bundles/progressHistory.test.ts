// 每半月汇报 kept: every report made is kept as its figures, one per half month (a later one in
// the same half month replaces it); the history lists them oldest first with totals, the PDF of a
// later report says how the totals moved, and the CLI lists them with `progress --history`.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressReport } from '../../shared/domain';
import { runDossier } from '../helpers/cli';
import { pdfText } from '../helpers/pdfTools';
import { openTestArchive, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';

describe('kept progress reports', { timeout: 120_000 }, () => {
  const work = tempDir('dossier-progress-history-');
  let lead: TestArchive;
  let dossierId = 0;
  let leafId = 0;

  beforeAll(async () => {
    lead = openTestArchive(path.join(work, 'lead'));
    const { dossier, indicators } = await sampleDossier(lead.api);
    dossierId = dossier.id;
    const leaves = indicators.filter((i) => !indicators.some((c) => c.parentId === i.id));
    leafId = leaves[0].id;
    await lead.api['units.assign']({ dossierId, codes: [leaves[0].code, leaves[1].code], unit: '党办', deadline: '2024-05-15' });
  });
  afterAll(async () => lead?.close());

  it('keeps one report per half month, with totals, and the PDF shows the trend', async () => {
    await lead.api['progress.export']({ dossierId, today: '2024-05-06' });
    const file = path.join(work, '学习记录.txt');
    fs.writeFileSync(file, '党办理论学习记录\n');
    await lead.api['materials.add']({ dossierId, paths: [file], indicatorIds: [leafId] });
    // The same half month again: it replaces the first.
    const early = await lead.api['progress.export']({ dossierId, today: '2024-05-10' });
    expect(early.xlsx).toBe(path.join(lead.ctx.archive.root, 'exports', '进度汇报', '2024年度文明单位创建-2024年5月上半月.xlsx'));
    expect(fs.existsSync(early.xlsx!) && fs.existsSync(early.pdf!)).toBe(true);
    const late = await lead.api['progress.export']({ dossierId, today: '2024-05-20' });

    const history = await lead.api['progress.history']({ dossierId });
    expect(history.map((r) => [r.period, r.asOf, r.totals.covered, r.totals.assigned, r.totals.overdue])).toEqual([
      ['2024年5月上半月', '2024-05-10', 1, 2, 0],
      ['2024年5月下半月', '2024-05-20', 1, 2, 1],
    ]);
    expect(history[1].units.map((u) => u.unit)).toEqual(['党办']);
    const text = (await pdfText(late.pdf!)).replace(/\s+/g, '');
    expect(text).toContain('历次汇报');
    expect(text).toContain('2024年5月上半月：已有材料1/2项，逾期0项');
    expect(text).toContain('2024年5月下半月：已有材料1/2项，逾期1项');
  });

  it('lists the kept reports from the CLI', async () => {
    await lead.close();
    const r = await runDossier(['progress', '--history', '--json', '--archive', path.join(work, 'lead')]);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as ProgressReport[]).map((x) => x.period)).toEqual(['2024年5月上半月', '2024年5月下半月']);
    const plain = await runDossier(['progress', '--history', '--archive', path.join(work, 'lead')]);
    expect(plain.stdout).toContain('2024年5月下半月（截至 2024-05-20）\t已有材料 1/2 项，逾期 1 项');
    lead = openTestArchive(path.join(work, 'lead'));
  });
});
