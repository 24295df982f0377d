import ExcelJS from 'exceljs';

export interface SheetText {
  name: string;
  rows: string[][];
  truncated: boolean;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return value.result === undefined ? '' : String(value.result);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

/** The cells of every sheet as text, row by row (preview and search). */
export async function readSheets(bytes: Buffer, maxRowsPerSheet: number): Promise<SheetText[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book.worksheets.map((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      if (rows.length >= maxRowsPerSheet) return;
      const values = row.values as ExcelJS.CellValue[];
      rows.push(values.slice(1).map(cellText));
    });
    return { name: sheet.name, rows, truncated: sheet.actualRowCount > rows.length };
  });
}

export async function xlsxText(bytes: Buffer): Promise<string> {
  const sheets = await readSheets(bytes, 20_000);
  return sheets.map((s) => [s.name, ...s.rows.map((r) => r.filter(Boolean).join(' '))].join('\n')).join('\n');
}
