import { ApiError } from '../../../../shared/errors';
import { checkOoxml, OoxmlRefused, refusalReason, type OoxmlLimits, type TagRule } from '../../extract/ooxmlGuard';
import { mergeArea } from '../../extract/xlsx';

/**
 * Bounds on an indicator file. A real 测评体系 has a few hundred rows and a dozen columns; these
 * leave a hundredfold margin while keeping a hostile or mistaken file (a data dump, a bomb) to
 * seconds and a few hundred MB.
 */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_ROWS = 20_000;
export const MAX_CELLS = 500_000;
/** Cells inside merges: exceljs creates every one of them. */
export const MAX_MERGED_CELLS = 200_000;
/** Unpacked XML of a workbook or document (a 20,000-row sheet is some 10 MB). */
export const MAX_XML_BYTES = 64 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 256 * 1024 * 1024;
/** Levels of the tree: real systems have three to five. */
export const MAX_DEPTH = 20;
/** Widest Word span or gridBefore taken as given; Word itself allows 63 columns. */
export const MAX_SPAN = 64;

const ADVICE = '测评体系通常只有几百行，请确认选择了正确的文件，或只保留指标所在的表格后再导入';

export function fileTooLarge(fileLabel: string, size: number): ApiError {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  return new ApiError('bad_input', `“${fileLabel}”有 ${mb(size)}，超过测评体系文件的大小上限 ${mb(MAX_FILE_BYTES)}。${ADVICE}`);
}

/** `where`: “工作表“Sheet1””, “第 2 个表格”; `rows`: how many it has, when known. */
export function tooManyRows(fileLabel: string, where: string, rows?: number): ApiError {
  const has = rows === undefined ? '' : `有 ${rows} 行，`;
  return new ApiError('bad_input', `“${fileLabel}”的${where}${has}超过上限 ${MAX_ROWS} 行。${ADVICE}`);
}

export function tooManyCells(fileLabel: string): ApiError {
  return new ApiError('bad_input', `“${fileLabel}”的单元格超过上限 ${MAX_CELLS} 个。${ADVICE}`);
}

const MERGED_MESSAGE = `中合并单元格覆盖的单元格超过上限 ${MAX_MERGED_CELLS} 个。请取消多余的合并后再导入`;

export function tooManyMergedCells(fileLabel: string): ApiError {
  return new ApiError('bad_input', `“${fileLabel}”${MERGED_MESSAGE}`);
}

/** Rows and the rectangle they span, checked before a grid of that size is made. */
export function assertGrid(fileLabel: string, where: string, rows: number, width: number): void {
  if (rows > MAX_ROWS) throw tooManyRows(fileLabel, where, rows);
  if (rows * width > MAX_CELLS) throw tooManyCells(fileLabel);
}

const rowRule = (part: RegExp, tag: string, where: string): TagRule => ({
  part,
  tag,
  max: MAX_ROWS,
  scope: 'part',
  message: `的${where}超过上限 ${MAX_ROWS} 行。${ADVICE}`,
});

const cellRule = (part: RegExp, tag: string): TagRule => ({
  part,
  tag,
  max: MAX_CELLS,
  scope: 'package',
  message: `的单元格超过上限 ${MAX_CELLS} 个。${ADVICE}`,
});

/** As exceljs finds its parts: by these names, anywhere in the path. */
const SHEET = /xl\/worksheets\/sheet\d+\.xml/i;
const SHARED_STRINGS = /xl\/sharedStrings\.xml/i;
const DOCUMENT = /^word\/document\.xml$/i;

const XLSX_LIMITS: OoxmlLimits = {
  maxXmlBytes: MAX_XML_BYTES,
  maxTotalBytes: MAX_TOTAL_BYTES,
  rules: [
    rowRule(SHEET, 'row', '工作表'),
    cellRule(SHEET, 'c'),
    // Strings no cell could use are still all read.
    { ...cellRule(SHARED_STRINGS, 'si'), message: `的文字条目超过上限 ${MAX_CELLS} 个。${ADVICE}` },
    {
      part: SHEET,
      tag: 'mergeCell',
      max: MAX_MERGED_CELLS,
      scope: 'package',
      message: MERGED_MESSAGE,
      weigh: mergeArea,
    },
  ],
};

const DOCX_LIMITS: OoxmlLimits = {
  maxXmlBytes: MAX_XML_BYTES,
  maxTotalBytes: MAX_TOTAL_BYTES,
  rules: [{ ...rowRule(DOCUMENT, 'tr', '表格'), scope: 'package' }, cellRule(DOCUMENT, 'tc')],
};

/**
 * Look through the package before exceljs or the XML parser load it: refused at the first row
 * over the limit, so a million-row sheet costs a moment and little memory.
 */
export async function guardPackage(bytes: Buffer, fileLabel: string, kind: 'xlsx' | 'docx'): Promise<void> {
  try {
    await checkOoxml(bytes, kind === 'xlsx' ? XLSX_LIMITS : DOCX_LIMITS);
  } catch (err) {
    if (!(err instanceof OoxmlRefused)) throw err;
    const r = err.refusal;
    if (r.kind === 'corrupt') {
      const app = kind === 'xlsx' ? 'Excel' : 'Word';
      throw new ApiError('bad_input', `“${fileLabel}”不是有效的 .${kind} 文件（文件已损坏或扩展名不对）。请在 ${app} 或 WPS 中打开并另存为 .${kind} 后再导入`);
    }
    const advice = r.kind === 'unpacked' ? `。${ADVICE}` : '';
    throw new ApiError('bad_input', `“${fileLabel}”${refusalReason(r)}${advice}`);
  }
}
