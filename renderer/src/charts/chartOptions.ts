// What the charts show, as plain ECharts options built from the API's rows: kept apart from
// the chart component so that it is tested without a canvas.
import type { CoverageRow, ProgressReport, SelfEvaluation, UnitProgress } from '../../../shared/domain';

/** The options this app uses (a subset of ECharts' own; a type, not an interface, so setOption takes it). */
export type BarChartOption = {
  aria: { enabled: boolean };
  tooltip: { trigger: 'axis'; axisPointer: { type: 'shadow' } };
  legend: { data: string[]; top: number };
  grid: { left: number; right: number; top: number; bottom: number; containLabel: boolean };
  xAxis: { type: 'value'; name?: string; max?: number };
  yAxis: { type: 'category'; data: string[]; inverse: boolean; axisLabel: { width: number; overflow: 'truncate' } };
  series: { name: string; type: 'bar'; stack?: string; data: number[]; itemStyle: { color: string }; label?: { show: boolean; position: 'right' | 'inside' } }[];
};

// The top level of a 测评体系 (一级指标), whatever depth its rows start at.
function topLevel<T extends { depth: number }>(rows: T[]): T[] {
  const top = Math.min(...rows.map((r) => r.depth));
  return rows.filter((r) => r.depth === top);
}

const label = (r: { code: string; title: string }) => `${r.code} ${r.title}`.trim();

const base = (names: string[], legend: string[]): Omit<BarChartOption, 'series' | 'xAxis'> => ({
  aria: { enabled: true },
  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
  legend: { data: legend, top: 0 },
  grid: { left: 8, right: 32, top: 28, bottom: 8, containLabel: true },
  yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 160, overflow: 'truncate' } },
});

/** 材料覆盖 per 一级指标: items with material and 缺项, stacked. */
export function coverageChart(rows: CoverageRow[]): BarChartOption | null {
  const top = topLevel(rows);
  if (top.length === 0) return null;
  return {
    ...base(top.map(label), ['已有材料', '缺项']),
    xAxis: { type: 'value', name: '项' },
    series: [
      { name: '已有材料', type: 'bar', stack: '指标', data: top.map((r) => r.coveredLeaves), itemStyle: { color: '#52c41a' } },
      { name: '缺项', type: 'bar', stack: '指标', data: top.map((r) => r.totalLeaves - r.coveredLeaves), itemStyle: { color: '#ff7875' } },
    ],
  };
}

/**
 * 自评 per 一级指标: self-score against full marks (a system with scores), or items 达标 against
 * items (a system without). 否决项 and 加分项 categories carry no full marks and are left out.
 */
export function selfEvalChart(e: SelfEvaluation): BarChartOption | null {
  if (e.byItems) {
    const top = topLevel(e.rows);
    const leavesUnder = (id: number) => {
      const index = e.rows.findIndex((r) => r.indicatorId === id);
      const depth = e.rows[index].depth;
      const out = [];
      for (let i = index; i < e.rows.length && (i === index || e.rows[i].depth > depth); i += 1) if (e.rows[i].isLeaf) out.push(e.rows[i]);
      return out;
    };
    const counts = top.map((r) => leavesUnder(r.indicatorId));
    return {
      ...base(top.map(label), ['达标', '未达标', '未自评']),
      xAxis: { type: 'value', name: '项' },
      series: [
        { name: '达标', type: 'bar', stack: '项', data: counts.map((c) => c.filter((l) => l.met === true).length), itemStyle: { color: '#52c41a' } },
        { name: '未达标', type: 'bar', stack: '项', data: counts.map((c) => c.filter((l) => l.met === false).length), itemStyle: { color: '#ff7875' } },
        { name: '未自评', type: 'bar', stack: '项', data: counts.map((c) => c.filter((l) => l.met === null).length), itemStyle: { color: '#d9d9d9' } },
      ],
    };
  }
  const top = topLevel(e.rows).filter((r) => r.kind === 'scored' && (r.maxScore ?? 0) > 0);
  if (top.length === 0) return null;
  return {
    ...base(top.map(label), ['自评得分', '满分']),
    xAxis: { type: 'value', name: '分' },
    series: [
      { name: '自评得分', type: 'bar', data: top.map((r) => r.selfScore ?? 0), itemStyle: { color: '#1677ff' }, label: { show: true, position: 'right' } },
      { name: '满分', type: 'bar', data: top.map((r) => r.maxScore ?? 0), itemStyle: { color: '#bfbfbf' } },
    ],
  };
}

/** 报送进度 per unit: assigned items with material, 缺项 still in time, and overdue ones, stacked. */
export function unitProgressChart(units: UnitProgress[]): BarChartOption | null {
  const shown = units.filter((u) => u.assigned > 0);
  if (shown.length === 0) return null;
  return {
    ...base(shown.map((u) => u.unit), ['已有材料', '缺项', '逾期']),
    xAxis: { type: 'value', name: '项' },
    series: [
      { name: '已有材料', type: 'bar', stack: '指标', data: shown.map((u) => u.covered), itemStyle: { color: '#52c41a' } },
      { name: '缺项', type: 'bar', stack: '指标', data: shown.map((u) => u.assigned - u.covered - u.overdue), itemStyle: { color: '#ffc53d' } },
      { name: '逾期', type: 'bar', stack: '指标', data: shown.map((u) => u.overdue), itemStyle: { color: '#ff4d4f' } },
    ],
  };
}

/** The kept 每半月汇报 in order: items with material against items assigned, report by report. */
export function progressTrendChart(reports: ProgressReport[]): BarChartOption | null {
  if (reports.length === 0) return null;
  return {
    ...base(reports.map((r) => r.period), ['已有材料', '分派指标']),
    xAxis: { type: 'value', name: '项' },
    series: [
      { name: '已有材料', type: 'bar', data: reports.map((r) => r.totals.covered), itemStyle: { color: '#52c41a' }, label: { show: true, position: 'right' } },
      { name: '分派指标', type: 'bar', data: reports.map((r) => r.totals.assigned), itemStyle: { color: '#bfbfbf' } },
    ],
  };
}

/** Height for n categories: every 一级指标 gets a readable row. */
export const chartHeight = (option: BarChartOption): number => 60 + option.yAxis.data.length * 36;
