import ExcelJS from 'exceljs';
import type { CoverageRow, SelfEvaluation } from '../../../shared/domain';
import type { Filing, PacketPlan } from './plan';
import { fillIndexSheet, INDEX_SHEET } from './workbook/indexSheet';
import { fillSelfEvalSheet, SELF_EVAL_SHEET } from './workbook/selfEvalSheet';
import { addBodyRow, setUpSheet } from '../workbook/sheetStyle';

/** The DA/T 22-2015 归档文件目录 columns, then the indicator each row is filed under. */
export const CATALOGUE_COLUMNS = ['序号', '档号', '文号', '责任者', '题名', '日期', '密级', '页数', '备注', '指标编码'] as const;
const CATALOGUE_WIDTHS = [7, 18, 18, 18, 46, 11, 8, 7, 30, 11];

export const CATALOGUE_SHEET = '归档文件目录';
export const COVERAGE_SHEET = '覆盖情况';
export { INDEX_SHEET, SELF_EVAL_SHEET };

/** What the packet PDF says about one filing, if a PDF was made. */
export interface FilingInPacket {
  /** First page in its volume. */
  start: number;
  pages: number;
  /** Why the content was replaced by a placeholder page, if it was. */
  reason: string | null;
}

function noteFor(filing: Filing, packet: FilingInPacket | undefined): string {
  const parts = [filing.material.note.trim()];
  if (packet?.reason) parts.push(`迎检资料中以说明页代替：${packet.reason}`);
  return parts.filter(Boolean).join('；');
}

/**
 * One row per filing (a material under two indicators has two rows, one per 指标编码), in packet
 * order, so 序号 and 档号 match the catalogue and the folder export. 页数 is the material's pages
 * in the packet PDF, or its own page count when no PDF was made.
 */
function fillCatalogue(sheet: ExcelJS.Worksheet, plan: PacketPlan, packet: Map<number, FilingInPacket> | null): void {
  for (const filing of plan.filings) {
    const m = filing.material;
    const inPacket = packet?.get(filing.seq);
    const pages = inPacket ? inPacket.pages : m.pages;
    addBodyRow(
      sheet,
      [filing.seq, filing.code, m.docNumber, m.responsible, m.title, m.date, m.securityLevel, pages ?? '', noteFor(filing, inPacket), filing.indicator.code],
      [2, 6, 10],
    );
  }
}

function fillCoverage(sheet: ExcelJS.Worksheet, rows: CoverageRow[]): void {
  for (const r of rows) {
    const status = r.isLeaf
      ? r.missing
        ? '缺项'
        : '已覆盖'
      : `${r.coveredLeaves}/${r.totalLeaves} 项有材料${r.missing ? '（缺项）' : ''}`;
    const row = addBodyRow(sheet, [r.code, `${'　'.repeat(Math.max(0, r.depth - 1))}${r.title}`, r.score ?? '', r.materialCount, status], [1]);
    if (r.depth === 1) row.font = { bold: true };
    if (r.missing) row.getCell(5).font = { bold: true, color: { argb: 'FFC00000' } };
  }
}

/**
 * The 归档文件目录 workbook: the DA/T 22 catalogue, the 材料索引 per indicator, coverage with
 * 缺项 marked, and the 自评表. Coverage and 自评 cover the packet's indicators only.
 */
export async function writeWorkbook(
  file: string,
  plan: PacketPlan,
  packet: Map<number, FilingInPacket> | null,
  coverage: CoverageRow[],
  evaluation: SelfEvaluation,
): Promise<void> {
  // Coverage and 自评 cover every chosen indicator, those left out of the packet PDF too.
  const chosen = new Set([...plan.sections, ...plan.omitted].map((s) => s.indicator.id));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Dossier 创建档案管家';
  workbook.title = `${plan.dossier.name}归档文件目录`;
  workbook.created = new Date();
  const catalogue = workbook.addWorksheet(CATALOGUE_SHEET);
  setUpSheet(catalogue, CATALOGUE_COLUMNS, CATALOGUE_WIDTHS, true);
  fillCatalogue(catalogue, plan, packet);
  fillIndexSheet(workbook.addWorksheet(INDEX_SHEET), plan, packet);
  const cover = workbook.addWorksheet(COVERAGE_SHEET);
  setUpSheet(cover, ['指标编码', '指标名称', '分值', '材料数', '覆盖情况'], [11, 50, 8, 8, 20], false);
  fillCoverage(cover, coverage.filter((r) => chosen.has(r.indicatorId)));
  fillSelfEvalSheet(workbook.addWorksheet(SELF_EVAL_SHEET), { ...evaluation, rows: evaluation.rows.filter((r) => chosen.has(r.indicatorId)) });
  await workbook.xlsx.writeFile(file);
}
