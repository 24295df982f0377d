import type ExcelJS from 'exceljs';
import type { SelfEvaluation } from '../../../../shared/domain';
import { addBodyRow, setUpSheet } from '../../workbook/sheetStyle';
import { vetoStatusText as VETO } from '../plan';

export const SELF_EVAL_SHEET = '自评表';
export const SELF_EVAL_COLUMNS = ['指标编码', '指标名称', '类型', '分值', '自评分', '说明', '结论性说明'] as const;
const WIDTHS = [11, 50, 10, 8, 8, 30, 60];

const KIND = { scored: '计分', veto: '否决项', bonus: '加分项' } as const;
const RESULT = { pass: '达标', fail: '未达标', veto: '一票否决', no_pass_line: '未设达标线' } as const;

/**
 * 自评表: every indicator with its full marks and self-score (categories as sums), then the
 * totals, the pass line and the result the indicators capability computed.
 */
export function fillSelfEvalSheet(sheet: ExcelJS.Worksheet, evaluation: SelfEvaluation): void {
  setUpSheet(sheet, SELF_EVAL_COLUMNS, WIDTHS, false);
  for (const r of evaluation.rows) {
    const met = r.met === null ? '' : r.met ? '达标' : '未达标';
    const self = r.kind === 'veto' ? (r.vetoStatus ? VETO[r.vetoStatus] : '') : r.isLeaf && r.maxScore === null ? met : (r.selfScore ?? '');
    const row = addBodyRow(sheet, [r.code, `${'　'.repeat(Math.max(0, r.depth - 1))}${r.title}`, KIND[r.kind], r.maxScore ?? '', self, r.note, r.statement], [1]);
    if (r.depth === 1) row.font = { bold: true };
  }
  sheet.addRow([]);
  // A system without scores is evaluated item by item.
  const totals: [string, string | number][] = evaluation.byItems
    ? [
        ['达标项（测评体系未设分值）', `${evaluation.itemsMet} / ${evaluation.itemCount} 项`],
        ['自评结论', RESULT[evaluation.result]],
      ]
    : [
        ['满分（计分项）', evaluation.maxScore],
        ['自评得分（计分项）', evaluation.scoredTotal],
        ['加分', evaluation.bonusTotal],
        ['自评总分', evaluation.total],
        ['达标线', evaluation.passLine ?? '未设置'],
        ['自评结论', RESULT[evaluation.result]],
      ];
  if (evaluation.pending > 0) totals.push(['尚未自评的指标', `${evaluation.pending} 项`]);
  for (const [label, value] of totals) {
    const row = addBodyRow(sheet, ['', label, '', '', value, '', '']);
    row.font = { bold: true };
  }
}
