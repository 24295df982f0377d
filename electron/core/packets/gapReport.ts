import ExcelJS from 'exceljs';
import { addBodyRow, setUpSheet } from '../workbook/sheetStyle';
import type { PacketPlan, PlanSection } from './plan';

export const GAP_SHEET = '缺项';
export const GAP_COLUMNS = ['指标编码', '指标名称', '类型', '分值', '应备材料', '提供部门', '联系人', '完成时限', '在迎检资料中'] as const;
const WIDTHS = [11, 40, 8, 7, 36, 14, 10, 12, 14];
const KIND = { scored: '计分', veto: '否决项', bonus: '加分项' } as const;

/**
 * 缺项 of a packet: the chosen 测评小项 with no material. A 否决项 is checked as 已排除/存在,
 * not evidenced, so it is never a gap (as in 覆盖情况).
 */
export function packetGaps(plan: PacketPlan): { section: PlanSection; shown: boolean }[] {
  const gap = (s: PlanSection) => s.isLeaf && s.filings.length === 0 && s.indicator.kind !== 'veto';
  const all = [
    ...plan.sections.filter(gap).map((section) => ({ section, shown: true })),
    ...plan.omitted.filter(gap).map((section) => ({ section, shown: false })),
  ];
  const order = new Map([...plan.sections, ...plan.omitted].map((s, i) => [s.indicator.id, i]));
  return all.sort((a, b) => order.get(a.section.indicator.id)! - order.get(b.section.indicator.id)!);
}

/**
 * The internal 缺项 report: a workbook for the 创建办, apart from what the inspectors get, with
 * who is to provide each missing item and by when.
 */
export async function writeGapReport(file: string, plan: PacketPlan): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Dossier 创建档案管家';
  workbook.title = `${plan.dossier.name}缺项报告（内部）`;
  const sheet = workbook.addWorksheet(GAP_SHEET);
  setUpSheet(sheet, GAP_COLUMNS, WIDTHS, true);
  const gaps = packetGaps(plan);
  // Sorted by tree order: the sections and the omitted come from one pre-order list.
  for (const { section, shown } of gaps) {
    const ind = section.indicator;
    addBodyRow(
      sheet,
      [ind.code, ind.title, KIND[ind.kind], ind.score ?? '', ind.requiredMaterials, ind.responsibleUnit, ind.responsiblePerson, ind.deadline, shown ? '编入（注明未提交）' : '未编入'],
      [1, 8],
    );
  }
  if (gaps.length === 0) addBodyRow(sheet, ['', '所选指标均已有归档材料', '', '', '', '', '', '', '']);
  await workbook.xlsx.writeFile(file);
  return gaps.length;
}
