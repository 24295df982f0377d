import ExcelJS from 'exceljs';
import type { CoverageRow } from '../../../shared/domain';
import type { Filing, PacketPlan } from './plan';

/** The DA/T 22-2015 归档文件目录 columns, then the indicator each row is filed under. */
export const CATALOGUE_COLUMNS = ['序号', '档号', '文号', '责任者', '题名', '日期', '密级', '页数', '备注', '指标编码'] as const;
const CATALOGUE_WIDTHS = [7, 16, 18, 18, 46, 11, 8, 7, 30, 11];

export const CATALOGUE_SHEET = '归档文件目录';
export const COVERAGE_SHEET = '覆盖情况';

/** What the packet PDF says about one filing, if a PDF was made. */
export interface FilingInPacket {
  pages: number;
  /** Why the content was replaced by a placeholder page, if it was. */
  reason: string | null;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF999999' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function setUpSheet(sheet: ExcelJS.Worksheet, headers: readonly string[], widths: number[], landscape: boolean): void {
  sheet.columns = headers.map((header, i) => ({ header, key: header, width: widths[i] }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', horizontal: 'center' };
  head.height = 22;
  head.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  sheet.pageSetup = {
    paperSize: 9, // A4
    orientation: landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: '第 &P 页，共 &N 页' };
}

function noteFor(filing: Filing, packet: FilingInPacket | undefined): string {
  const parts = [filing.material.note.trim()];
  if (packet?.reason) parts.push(`迎检资料中以说明页代替：${packet.reason}`);
  return parts.filter(Boolean).join('；');
}

/**
 * One row per filing (a material under two indicators has two rows, one per 指标编码), in packet
 * order, so 序号 matches the catalogue and the folder export's 件号. 页数 is the material's pages
 * in the packet PDF, or its own page count when no PDF was made.
 */
function fillCatalogue(sheet: ExcelJS.Worksheet, plan: PacketPlan, packet: Map<number, FilingInPacket> | null): void {
  for (const filing of plan.filings) {
    const m = filing.material;
    const inPacket = packet?.get(filing.seq);
    const pages = inPacket ? inPacket.pages : m.pages;
    const row = sheet.addRow([
      filing.seq,
      '',
      m.docNumber,
      m.responsible,
      m.title,
      m.date,
      m.securityLevel,
      pages ?? '',
      noteFor(filing, inPacket),
      filing.indicator.code,
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = BORDER;
    });
    // Dates and codes are text: Excel must not turn 20230918 or 1.10 into numbers.
    for (const col of [6, 10]) row.getCell(col).numFmt = '@';
  }
}

function fillCoverage(sheet: ExcelJS.Worksheet, rows: CoverageRow[]): void {
  for (const r of rows) {
    const status = r.isLeaf
      ? r.missing
        ? '缺项'
        : '已覆盖'
      : `${r.coveredLeaves}/${r.totalLeaves} 项有材料${r.missing ? '（缺项）' : ''}`;
    const row = sheet.addRow([r.code, `${'　'.repeat(Math.max(0, r.depth - 1))}${r.title}`, r.score ?? '', r.materialCount, status]);
    row.alignment = { vertical: 'top', wrapText: true };
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = BORDER;
    });
    row.getCell(1).numFmt = '@';
    if (r.depth === 1) row.font = { bold: true };
    if (r.missing) row.getCell(5).font = { bold: true, color: { argb: 'FFC00000' } };
  }
}

/** The 归档文件目录 workbook: the catalogue sheet, and coverage per indicator with 缺项 marked. */
export async function writeWorkbook(
  file: string,
  plan: PacketPlan,
  packet: Map<number, FilingInPacket> | null,
  coverage: CoverageRow[],
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Dossier 创建档案管家';
  workbook.title = `${plan.dossier.name}归档文件目录`;
  workbook.created = new Date();
  const catalogue = workbook.addWorksheet(CATALOGUE_SHEET);
  setUpSheet(catalogue, CATALOGUE_COLUMNS, CATALOGUE_WIDTHS, true);
  fillCatalogue(catalogue, plan, packet);
  const cover = workbook.addWorksheet(COVERAGE_SHEET);
  setUpSheet(cover, ['指标编码', '指标名称', '分值', '材料数', '覆盖情况'], [11, 50, 8, 8, 20], false);
  fillCoverage(cover, coverage);
  await workbook.xlsx.writeFile(file);
}
