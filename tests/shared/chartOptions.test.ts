// The charts' data, as the clerk reads it: per 一级指标, items with material and 缺项; self-scores
// against full marks (or items 达标 in a system without scores); every label Chinese.
import { describe, expect, it } from 'vitest';
import { coverageChart, progressTrendChart, selfEvalChart, unitProgressChart } from '../../renderer/src/charts/chartOptions';
import type { CoverageRow, SelfEvalRow, SelfEvaluation } from '../../shared/domain';

const cov = (code: string, title: string, depth: number, covered: number, total: number): CoverageRow => ({
  indicatorId: Number(code.replace(/\D/g, '')), code, title, depth, isLeaf: depth > 1, kind: 'scored', score: null,
  materialCount: covered, coveredLeaves: covered, totalLeaves: total, coveredScore: 0, totalScore: 0, missing: covered === 0,
});
const row = (id: number, code: string, depth: number, extra: Partial<SelfEvalRow>): SelfEvalRow => ({
  indicatorId: id, code, title: `指标${code}`, depth, isLeaf: depth > 1, kind: 'scored', maxScore: null, selfScore: null,
  pending: 0, vetoStatus: null, met: null, note: '', statement: '', ...extra,
});
const evaluation = (rows: SelfEvalRow[], byItems: boolean): SelfEvaluation => ({
  dossierId: 1, passLine: null, rows, maxScore: 0, scoredTotal: 0, bonusTotal: 0, total: 0, vetoPresent: 0, pending: 0,
  byItems, itemCount: 0, itemsMet: 0, result: 'no_pass_line',
});

describe('chart options', () => {
  it('coverage: one bar per 一级指标, 已有材料 and 缺项 stacked', () => {
    const o = coverageChart([cov('1', '组织领导', 1, 3, 5), cov('11', '领导班子', 2, 1, 1), cov('2', '思想道德', 1, 0, 4)])!;
    expect(o.yAxis.data).toEqual(['1 组织领导', '2 思想道德']);
    expect(o.series.map((s) => [s.name, s.data])).toEqual([['已有材料', [3, 0]], ['缺项', [2, 4]]]);
    expect(o.legend.data).toEqual(['已有材料', '缺项']);
    expect(coverageChart([])).toBeNull();
  });

  it('self-evaluation: score against full marks; veto and bonus categories left out', () => {
    const e = evaluation(
      [
        row(1, '1', 1, { maxScore: 20, selfScore: 18 }),
        row(2, '1.1', 2, { maxScore: 20, selfScore: 18 }),
        row(3, '2', 1, { maxScore: 30, selfScore: null }),
        row(4, '3', 1, { kind: 'veto' }),
        row(5, '4', 1, { kind: 'bonus', maxScore: 5 }),
      ],
      false,
    );
    const o = selfEvalChart(e)!;
    expect(o.yAxis.data).toEqual(['1 指标1', '2 指标2']);
    expect(o.series.map((s) => [s.name, s.data])).toEqual([['自评得分', [18, 0]], ['满分', [20, 30]]]);
    expect(o.xAxis.name).toBe('分');
  });

  it('a system without scores: items 达标, 未达标 and 未自评 per 一级指标', () => {
    const e = evaluation(
      [row(1, '1', 1, {}), row(2, '1.1', 2, { met: true }), row(3, '1.2', 2, { met: false }), row(4, '2', 1, {}), row(5, '2.1', 2, {})],
      true,
    );
    const o = selfEvalChart(e)!;
    expect(o.series.map((s) => [s.name, s.data])).toEqual([['达标', [1, 0]], ['未达标', [1, 0]], ['未自评', [0, 1]]]);
  });

  it('progress: per unit 已有材料, 缺项 in time and 逾期 stacked; units with nothing assigned left out', () => {
    const unit = (name: string, assigned: number, covered: number, overdue: number) => ({ unit: name, assigned, covered, overdue, pending: 0, passed: 0, returned: 0, lastSubmission: null });
    const o = unitProgressChart([unit('党办', 5, 2, 1), unit('只报送过', 0, 0, 0), unit('团委', 3, 3, 0)])!;
    expect(o.yAxis.data).toEqual(['党办', '团委']);
    expect(o.series.map((x) => [x.name, x.data])).toEqual([['已有材料', [2, 3]], ['缺项', [2, 0]], ['逾期', [1, 0]]]);
    expect(unitProgressChart([])).toBeNull();
  });

  it('trend: one bar pair per kept report, oldest first', () => {
    const report = (period: string, covered: number, assigned: number) => ({ period, asOf: '', madeAt: '', units: [], totals: { units: 1, assigned, covered, pending: 0, passed: 0, returned: 0, overdue: 0 } });
    const o = progressTrendChart([report('2024年5月上半月', 1, 4), report('2024年5月下半月', 3, 4)])!;
    expect(o.yAxis.data).toEqual(['2024年5月上半月', '2024年5月下半月']);
    expect(o.series.map((x) => [x.name, x.data])).toEqual([['已有材料', [1, 3]], ['分派指标', [4, 4]]]);
    expect(progressTrendChart([])).toBeNull();
  });
});
