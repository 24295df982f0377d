import type { SkippedRow } from '../../../../shared/domain';
import type { Layout } from './layout';
import type { MergeIndex } from './merges';
import { splitNumbering } from './numbering';
import { parseScoreCell } from './score';
import { filledCells, fold, squash } from './text';

export type RowKind =
  | 'blank'
  /** 注：/说明： below or inside the table, and the lines that continue it. */
  | 'note'
  /** 合计/总分 row: checked against the sum of the categories. */
  | 'total'
  /** 小计 row inside a category: skipped. */
  | 'subtotal'
  /** The header printed again (a table continued on a new page). */
  | 'repeatHeader'
  /** One text across the whole row: a category (“一、组织领导（20分）”). */
  | 'spanning'
  | 'data';

export interface ClassifiedRow {
  row: number;
  kind: RowKind;
  /** What the row read as before the clerk chose to import it (注, 合计 …). */
  keptFrom?: RowKind;
}

const NOTE = /^(注|说明|备注|附注|注释|填表说明|填报说明)\s*[0-9一二三四五六七八九十]*\s*[：:]|^注\s*[0-9①-⑩]|^[*※]\s*[\u4e00-\u9fff]/;
/** “合计”, “总分：100分”. */
/** “合计”, “总分：100分”, “合计（100分）”. */
const TOTAL = /^(合计|总计|总分|共计|总分值|满分合计)[:：]?[(]?(\d+(\.\d+)?分?)?[)]?$/;
/** “小计”, “本项小计：15”, “小计（15分）”. */
const SUBTOTAL = /^(本项|本类|本部分|分项)?小计[:：]?[(]?(\d+(\.\d+)?分?)?[)]?$/;
/** “合 计：100.5 分” at most: longer cells are no 合计/小计 label, and are not folded to be sure. */
const TOTAL_LENGTH = 24;
/** The start of a cell that can say 注/说明/填表说明. */
const NOTE_PREFIX = 12;

/** Sort the rows below the header into what each is, so the tree step only sees categories and items. */
export function classifyRows(
  rows: readonly string[][],
  start: number,
  header: readonly string[],
  layout: Layout,
  merges: MergeIndex,
  keep: ReadonlySet<number> = new Set(),
): ClassifiedRow[] {
  const out: ClassifiedRow[] = [];
  const headerKey = header.map(squash);
  let inNote = false;
  for (let r = start; r < rows.length; r++) {
    const row = rows[r];
    const filled = filledCells(row);
    const distinct = new Set(filled.map((c) => squash(c.text)));
    let kind: RowKind;
    if (filled.length === 0) kind = 'blank';
    else if (NOTE.test(fold(filled[0].text.slice(0, NOTE_PREFIX))) && distinct.size <= 2) kind = 'note';
    else if (inNote && distinct.size === 1 && continuesNote(filled[0].text)) kind = 'note';
    else if (filled.some((c) => c.text.length <= TOTAL_LENGTH && TOTAL.test(fold(c.text)))) kind = 'total';
    else if (filled.some((c) => c.text.length <= TOTAL_LENGTH && SUBTOTAL.test(fold(c.text)))) kind = 'subtotal';
    else if (isRepeatedHeader(row, headerKey)) kind = 'repeatHeader';
    else if (distinct.size === 1 && isSpanning(r, filled[0].col, filled[0].text, layout, merges)) kind = 'spanning';
    else kind = 'data';
    if (kind !== 'blank') inNote = kind === 'note';
    if (keep.has(r) && SKIP_REASONS[kind]) {
      const spanning = distinct.size === 1 && isSpanning(r, filled[0].col, filled[0].text, layout, merges);
      out.push({ row: r, kind: spanning ? 'spanning' : 'data', keptFrom: kind });
      continue;
    }
    out.push({ row: r, kind });
  }
  return out;
}

const SKIP_REASONS: Partial<Record<RowKind, string>> = {
  note: '注释或说明，不是指标',
  total: '合计行，只用来核对总分',
  subtotal: '小计行，不是指标',
  repeatHeader: '重复的表头（表格跨页）',
};

/** The rows below the header that are not imported, with the reason, for the preview. */
export function skippedRows(rows: readonly string[][], classified: readonly ClassifiedRow[]): SkippedRow[] {
  const out: SkippedRow[] = [];
  for (const c of classified) {
    const reason = SKIP_REASONS[c.keptFrom ?? c.kind];
    if (!reason) continue;
    const text = [...new Set(filledCells(rows[c.row]).map((f) => f.text.replace(/\s+/g, ' ')))].join(' ');
    out.push({ row: c.row + 1, text: text.length > 40 ? `${text.slice(0, 40)}…` : text, reason, kept: c.keptFrom !== undefined });
  }
  return out;
}

/** “1.本表…”, “（2）…” under a 注： line; a “一、…” or “（一）…” line starts a category instead. */
function continuesNote(text: string): boolean {
  const style = splitNumbering(text)?.style ?? '';
  return !/^(cn|di-)/.test(style) && !/分[）)]\s*$/.test(text);
}

function isRepeatedHeader(row: readonly string[], headerKey: readonly string[]): boolean {
  const named = headerKey.filter(Boolean).length;
  const same = headerKey.filter((h, i) => h && squash(row[i] ?? '') === h).length;
  return named > 0 && same * 2 > named;
}

/**
 * A row with a single text is a category row when that text spans columns, or sits in a column
 * that could not hold it as a value (a title in the 序号 or 分值 column, or in an unnamed column).
 */
function isSpanning(r: number, col: number, text: string, layout: Layout, merges: MergeIndex): boolean {
  if (merges.width(r, col) >= 2) return true;
  const role = layout.roleOf.get(col);
  if (role === undefined || role === 'ignored') return true;
  if (role === 'numbering') return hasWords(text);
  if (role === 'score') return parseScoreCell(text).score === null && hasWords(text);
  if (role === 'code' || role === 'parentCode') return /[\u4e00-\u9fff]{2,}/.test(text);
  return false;
}

/** Text beyond a bare outline number: “一、组织领导” has words, “（一）” does not. */
function hasWords(text: string): boolean {
  const rest = splitNumbering(text)?.rest ?? text;
  return /[\u4e00-\u9fff]{2,}/.test(rest.replace(/^[一二三四五六七八九十百零〇]+$/, ''));
}
