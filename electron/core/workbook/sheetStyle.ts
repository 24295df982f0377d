import type ExcelJS from 'exceljs';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
export const GROUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF4F4F4' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF999999' } };
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * Header row, frozen; filter over the columns; A4 print fitted to the width, header row repeated
 * on every printed page, page numbers in the footer. The same for every sheet of the workbook.
 */
export function setUpSheet(sheet: ExcelJS.Worksheet, headers: readonly string[], widths: number[], landscape: boolean): void {
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

/** Add a bordered, top-aligned, wrapping row; `textColumns` are kept as text (codes, dates). */
export function addBodyRow(sheet: ExcelJS.Worksheet, values: ExcelJS.CellValue[], textColumns: number[] = []): ExcelJS.Row {
  const row = sheet.addRow(values);
  row.alignment = { vertical: 'top', wrapText: true };
  row.eachCell({ includeEmpty: true }, (cell) => {
    cell.border = BORDER;
  });
  // Excel must not turn 20230918 or 1.10 into numbers.
  for (const col of textColumns) row.getCell(col).numFmt = '@';
  return row;
}
