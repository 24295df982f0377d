// 自评: a self-score per leaf (0 to its score), notes, totals per category and overall, a pass
// line with the result; veto items ticked 已排除/存在.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator } from '../../shared/domain';
import { openTestArchive, sampleDossier } from '../helpers/tempArchive';
import { rejection } from './helpers';

const archive = openTestArchive();
const { api } = archive;
let dossierId = 0;
let indicators: Indicator[] = [];
afterAll(async () => {
  await archive.close();
  fs.rmSync(archive.dir, { recursive: true, force: true });
});
beforeAll(async () => {
  const s = await sampleDossier(api);
  dossierId = s.dossier.id;
  indicators = s.indicators;
});

const isLeaf = (i: Indicator) => !indicators.some((c) => c.parentId === i.id);
const leaves = (kind: Indicator['kind']) => indicators.filter((i) => isLeaf(i) && i.kind === kind);

describe('self-evaluation', () => {
  it('starts empty: full marks per category, nothing entered, no pass line', async () => {
    const e = await api['selfEval.get']({ dossierId });
    const scoredLeaves = leaves('scored');
    expect(e.maxScore).toBe(scoredLeaves.reduce((s, i) => s + (i.score ?? 0), 0));
    expect(e.scoredTotal).toBe(0);
    expect(e.result).toBe('no_pass_line');
    expect(e.pending).toBe(leaves('scored').length + leaves('bonus').length + leaves('veto').length);
  });

  it('takes scores from 0 to the item’s score, sums them per category and overall, and compares with the pass line', async () => {
    const [first, second] = leaves('scored');
    await api['selfEval.set']({ dossierId, indicatorId: first.id, score: first.score!, note: '材料齐全' });
    let e = await api['selfEval.set']({ dossierId, indicatorId: second.id, score: 1 });
    const parent = e.rows.find((r) => r.indicatorId === first.parentId)!;
    const expected = first.score! + (second.parentId === first.parentId ? 1 : 0);
    expect(parent.selfScore).toBe(expected);
    expect(e.rows.find((r) => r.indicatorId === first.id)).toMatchObject({ selfScore: first.score, note: '材料齐全' });
    expect(e.scoredTotal).toBe(first.score! + 1);

    e = await api['selfEval.setPassLine']({ dossierId, passLine: 85 });
    expect(e.result).toBe('fail');
    e = await api['selfEval.setPassLine']({ dossierId, passLine: first.score! + 1 });
    expect(e.result).toBe('pass');
    expect((await api['dossiers.list']({})).find((d) => d.id === dossierId)!.passLine).toBe(first.score! + 1);

    const over = await rejection(api['selfEval.set']({ dossierId, indicatorId: first.id, score: first.score! + 0.5 }));
    expect(over.message).toContain(`应在 0 到 ${first.score} 分之间`);
    const negative = await rejection(api['selfEval.set']({ dossierId, indicatorId: first.id, score: -1 }));
    expect(negative.message).toContain('不能为负数');
    const category = await rejection(api['selfEval.set']({ dossierId, indicatorId: first.parentId!, score: 1 }));
    expect(category.message).toContain('是大类');
  });

  it('veto items are ticked 已排除/存在, never scored; 存在 fails the evaluation whatever the score', async () => {
    const veto = leaves('veto')[0];
    expect(veto).toBeDefined();
    const scored = await rejection(api['selfEval.set']({ dossierId, indicatorId: veto.id, score: 0 }));
    expect(scored.message).toContain('是否决项');
    let e = await api['selfEval.set']({ dossierId, indicatorId: veto.id, vetoStatus: 'excluded' });
    expect(e.result).toBe('pass');
    e = await api['selfEval.set']({ dossierId, indicatorId: veto.id, vetoStatus: 'present' });
    expect(e.vetoPresent).toBe(1);
    expect(e.result).toBe('veto');
    await api['selfEval.set']({ dossierId, indicatorId: veto.id, vetoStatus: 'excluded' });
    const notVeto = await rejection(api['selfEval.set']({ dossierId, indicatorId: leaves('scored')[0].id, vetoStatus: 'present' }));
    expect(notVeto.message).toContain('不是否决项');
  });

  it('bonus points add to the total compared with the pass line', async () => {
    const bonus = leaves('bonus')[0];
    if (!bonus) return;
    const before = await api['selfEval.get']({ dossierId });
    const e = await api['selfEval.set']({ dossierId, indicatorId: bonus.id, score: bonus.score! });
    expect(e.bonusTotal).toBe(bonus.score);
    expect(e.total).toBe(before.scoredTotal + bonus.score!);
    expect(e.maxScore).toBe(before.maxScore);
  });

  it('every entry is audited against the dossier', () => {
    const n = (archive.ctx.archive.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action LIKE 'selfeval.%' AND entity = 'dossier'`).get() as { n: number }).n;
    expect(n).toBeGreaterThanOrEqual(6);
  });
});

describe('a 自评 score as typed', () => {
  it('is brought into 0…max, takes full-width digits and “分”, and names what is no number', async () => {
    const { scoreFromInput } = await import('../../shared/domain');
    expect(scoreFromInput('150', 10)).toBe(10);
    expect(scoreFromInput('-3', 10)).toBe(0);
    expect(scoreFromInput('４．５分', 10)).toBe(4.5);
    expect(scoreFromInput(' ', 10)).toBeNull();
    expect(scoreFromInput('八分', 10)).toBe('invalid');
    expect(scoreFromInput('7', null)).toBe(7);
  });
});
