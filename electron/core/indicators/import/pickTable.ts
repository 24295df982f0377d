import type { ImportMapping } from '../../../../shared/domain';
import { ApiError } from '../../../../shared/errors';
import { findHeader, headerRolesKey, isIndicatorHeader, titleAbove, type HeaderInfo } from './header';
import type { RawTable } from './table';
import { filledCells, isBlankRow } from './text';

export interface PickedTable {
  table: RawTable;
  /** Index of the table among the file's tables. */
  index: number;
  header: HeaderInfo;
  /** From the title row above the header, or null when there is none. */
  title: string | null;
  warnings: string[];
  /** The tables read as this one (it and its continuations). */
  used: Set<number>;
}

/**
 * The first sheet or Word table with a recognisable header (Word tables continued over pages are
 * joined), with the title above it. Refuses empty files and files without a header.
 */
export function pickTable(tables: readonly RawTable[], fileLabel: string, mapping?: ImportMapping): PickedTable {
  if (tables.every((t) => t.rows.every(isBlankRow))) {
    throw new ApiError('bad_input', `“${fileLabel}”是空的，没有任何内容。请确认选择了正确的文件，或检查指标是否在另一个文件中`);
  }
  const found = tables.map((table) => ({ table, header: findHeader(table.rows) }));
  if (mapping) found[mapping.table] = { table: tables[mapping.table], header: mappedHeader(tables, mapping, fileLabel) };
  const candidates = found.map((f, i) => ({ ...f, i })).filter((f) => f.header !== null && f.table.text !== true);
  // A cover table (单位名称 | 某某局 | 联系人 | 张三) names one column at most: the indicators are elsewhere.
  const index = mapping ? mapping.table : (candidates.find((f) => f.header && isIndicatorHeader(f.header)) ?? candidates[0])?.i ?? -1;
  const header = found[index]?.header;
  if (!header) throw noHeader(tables, fileLabel);
  const warnings: string[] = [];
  const { table, joined } = joinContinuations(found, index, header, warnings);
  const used = new Set(Array.from({ length: joined + 1 }, (_, i) => index + i));
  const above = table.rows.slice(0, header.row).map((row) => [...new Set(filledCells(row).map((c) => c.text))].join(' '));
  return { table, index, header, title: titleAbove([...table.preamble, ...above]), warnings, used };
}

const NAMING_ROLES = new Set(['level', 'title', 'content', 'standard']);



/** The header as the clerk mapped it by hand, checked against the table. */
function mappedHeader(tables: readonly RawTable[], mapping: ImportMapping, fileLabel: string): HeaderInfo {
  const table = tables[mapping.table];
  if (!table) throw new ApiError('invalid_args', `“${fileLabel}”中没有第 ${mapping.table + 1} 个表格`);
  const headerRow = table.rows[mapping.headerRow];
  if (!headerRow) throw new ApiError('invalid_args', `${table.label}中没有第 ${mapping.headerRow + 1} 行`);
  const headerRows = table.rows.slice(mapping.headerRow, mapping.headerRow + Math.max(1, mapping.headerRows));
  const columns = mapping.columns
    .filter((c) => c.col < headerRow.length)
    .map((c) => ({ ...c, header: headerRows.map((r) => r[c.col] ?? '').filter(Boolean).join('/') }));
  if (!columns.some((c) => NAMING_ROLES.has(c.role))) {
    throw new ApiError('bad_input', `请至少把一列指定为指标名称（一级指标、指标名称或测评内容），再预览“${fileLabel}”`);
  }
  return { row: mapping.headerRow, height: Math.max(1, Math.min(mapping.headerRows, table.rows.length - mapping.headerRow)), columns };
}

/**
 * Word tables split over pages are often separate tables: the same width, with the header printed
 * again or with nothing but empty paragraphs between them.
 */
function joinContinuations(
  found: readonly { table: RawTable; header: HeaderInfo | null }[],
  index: number,
  header: HeaderInfo,
  warnings: string[],
): { table: RawTable; joined: number } {
  const first = found[index].table;
  if (first.continuable !== true) return { table: first, joined: 0 };
  const width = first.rows[0]?.length ?? 0;
  const headerKey = first.rows[header.row].join('|');
  const rows = first.rows.map((r) => [...r]);
  const merges = [...first.merges];
  let joined = 0;
  for (const next of found.slice(index + 1)) {
    const sameWidth = (next.table.rows[0]?.length ?? -1) === width;
    const sameHeader =
      next.header !== null && (next.table.rows[next.header.row].join('|') === headerKey || headerRolesKey(next.header) === headerRolesKey(header));
    if (!sameWidth || !(sameHeader || (next.header === null && next.table.preamble.length === 0))) break;
    const offset = rows.length;
    for (const r of next.table.rows) rows.push([...r]);
    for (const m of next.table.merges) merges.push({ ...m, top: m.top + offset, bottom: m.bottom + offset });
    joined++;
  }
  if (joined > 0) warnings.push(`${first.label}后面的 ${joined} 个表格列名相同或紧接其后，已当作续表一并导入`);
  return { table: { ...first, rows, merges }, joined };
}

function noHeader(tables: readonly RawTable[], fileLabel: string): ApiError {
  const firstRow = tables.flatMap((t) => t.rows).find((r) => !isBlankRow(r)) ?? [];
  const seen = filledCells(firstRow)
    .map((c) => c.text.replace(/\s+/g, ' ').slice(0, 12))
    .slice(0, 4)
    .join('”“');
  return new ApiError(
    'bad_input',
    `“${fileLabel}”中没有找到表头（第一行内容是“${seen}”）。请确认表格中有一行列名，` +
      `如“一级指标”“二级指标”“测评内容”“测评方法”“分值”或“编码”“名称”“上级编码”（标题行可以在它上方），然后重新导入`,
  );
}
