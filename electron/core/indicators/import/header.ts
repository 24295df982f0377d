import type { ImportColumnRole } from '../../../../shared/domain';
import { toSimplified } from './simplified';
import { filledCells, fold } from './text';

/** 'ignored': a known column we do not import (得分, 备注 …), still evidence that this row is the header. */
export type ColumnRole = ImportColumnRole;

export interface RoleMatch {
  role: ColumnRole;
  /** For 'level': 1 for 一级指标/测评项目, 2 for 二级 … */
  level?: number;
  /** 编号 may be a real code or a plain running number; decided later from the values. */
  weak?: boolean;
}

export interface ColumnSpec extends RoleMatch {
  col: number;
  /** A code column that numbers the level named in column `codeFor` (“1-1” | “领导班子建设”). */
  codeFor?: number;
  header: string;
}

export interface HeaderInfo {
  /** Index of the first header row in the table. */
  row: number;
  /** 1, or 2 when a second row of sub-headings (一级指标 | 二级指标 under 测评指标) follows. */
  height: number;
  columns: ColumnSpec[];
}

/** Longer cells are data, not column names. */
const MAX_HEADER_LENGTH = 12;
/** How far down to look for the header below title rows. */
const HEADER_SEARCH_ROWS = 30;
const KEY_ROLES: ReadonlySet<ColumnRole> = new Set(['level', 'title', 'content', 'standard', 'code']);
const LEVEL_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5 };

/** Drop “（分）”, “[必填]”, “*” and the like, after folding full-width forms. */
export function normaliseHeader(text: string): string {
  return fold(text)
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕/g, '')
    .replace(/[*:：]+$/g, '')
    .replace(/^[*]+/, '');
}

/** What a column name means, or null when it is not a column name we know. Order of tests matters. */
export function matchHeader(text: string): RoleMatch | null {
  const h = normaliseHeader(text);
  if (!h || h.length > MAX_HEADER_LENGTH) return null;
  if (/得分|自评|扣分|实得|备注|完成情况|进度|附件|联系电话|测评对象|考核对象|分管领导|牵头领导|责任领导|包保领导|联系领导/.test(h)) return { role: 'ignored' };
  if (/责任人|负责人|联系人|经办人|具体负责/.test(h)) return { role: 'person' };
  if (/时限|完成时间|截止|期限/.test(h)) return { role: 'deadline' };
  if (/上级|父级|所属/.test(h) && /编码|代码|编号/.test(h)) return { role: 'parentCode' };
  if (/编码|代码/.test(h)) return { role: 'code' };
  if (/序号|序次|排序|^No\.?$/i.test(h)) return { role: 'numbering' };
  if (/编号/.test(h)) return { role: 'code', weak: true };
  const levelWord = /([一二三四五])级/.exec(h);
  if (levelWord) return { role: 'level', level: LEVEL_DIGITS[levelWord[1]] };
  // “评分方法” is how points are given: a standard, not a 测评方法.
  if (/(评分|计分|扣分|赋分)(方法|方式)/.test(h)) return { role: 'standard' };
  if (/方法|方式|形式|途径/.test(h)) return { role: 'methods' };
  if (/分值|权重|分数|满分|标准分|赋分|基本分|^分$|^分值分$/.test(h)) return { role: 'score' };
  // “提供材料部门”, “资料报送单位” name who provides, not what.
  if (/部门|单位|科室|处室/.test(h) && /提供|报送|负责|责任|牵头|承办|主责|配合|归口|材料|资料/.test(h)) return { role: 'unit' };
  if (/材料|资料|佐证|印证|台账/.test(h)) return { role: 'materials' };
  if (/责任|牵头|负责|承办|主责|配合/.test(h)) return { role: 'unit' };
  if (/内容/.test(h)) return { role: 'content' };
  if (/标准|要求|细则|要点|依据|评分办法|评分说明/.test(h)) return { role: 'standard' };
  if (/项目|类别|大类|类型|领域|板块/.test(h)) return { role: 'level', level: 1 };
  if (/指标|名称|事项|题目|标题|任务/.test(h)) return { role: 'title' };
  return null;
}

/** The row with the most known column names near the top, if it looks like a header at all. */
export function findHeader(rows: readonly string[][]): HeaderInfo | null {
  let best: { row: number; matches: Map<number, RoleMatch> } | null = null;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const matches = headerMatches(rows[r]);
    if (!looksLikeHeader(rows[r], matches)) continue;
    if (!best || matches.size > best.matches.size) best = { row: r, matches };
  }
  if (!best) return null;
  let height = 1;
  const below = rows[best.row + 1];
  if (below && isGradeRow(below)) {
    // A/B/C/D (or 优/良/中/差) under a merged 评分等级: each grade's coefficient is part of the standard.
    for (const { col } of filledCells(below)) best.matches.set(col, { role: 'standard' });
    height = 2;
  } else if (below) {
    const sub = headerMatches(below);
    const filled = filledCells(below);
    // A second heading row: every filled cell is a known name (一级指标 | 二级指标 under a merged 测评指标).
    if (sub.size > 0 && sub.size === filled.length && [...sub.values()].some((m) => m.role !== 'ignored')) {
      for (const [col, m] of sub) best.matches.set(col, m);
      height = 2;
    }
  }
  const headerRows = rows.slice(best.row, best.row + height);
  const columns = [...best.matches.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([col, m]) => ({ ...m, col, header: headerRows.map((r) => r[col] ?? '').filter(Boolean).join('/') }));
  return { row: best.row, height, columns: height === 2 ? levelSubColumns(columns, rows[best.row]) : columns };
}

/**
 * 编号 | 名称 under a merged 一级指标: the 名称 column is that level, the 编号 column its code.
 * A sub-heading belongs to the nearest heading on its left in the row above.
 */
function levelSubColumns(columns: ColumnSpec[], top: readonly string[]): ColumnSpec[] {
  const headingOf = (col: number): { col: number; match: RoleMatch | null } | null => {
    for (let c = col; c >= 0; c--) if ((top[c] ?? '').trim()) return { col: c, match: matchHeader(top[c]) };
    return null;
  };
  const out = columns.map((c) => ({ ...c }));
  const groups = new Map<number, ColumnSpec[]>();
  for (const spec of out) {
    const heading = headingOf(spec.col);
    if (!heading || heading.match?.role !== 'level' || !['title', 'code', 'numbering'].includes(spec.role)) continue;
    groups.set(heading.col, [...(groups.get(heading.col) ?? []), spec]);
    if (spec.role === 'title') Object.assign(spec, { role: 'level', level: heading.match.level, weak: undefined });
  }
  for (const group of groups.values()) {
    const name = group.find((s) => s.role === 'level');
    if (!name) continue;
    for (const s of group) if (s !== name) Object.assign(s, { role: 'code', codeFor: name.col, weak: undefined, level: undefined });
  }
  return out;
}

/** A grade heading: “A”, “B档”, “优秀”, “较差”. */
export const GRADE = /^(?:[A-Ea-e]|[优良中差]|优秀|良好|合格|较好|一般|较差|不合格|基本合格)(?:档|级|等)?$/;

function isGradeRow(row: readonly string[]): boolean {
  const filled = filledCells(row);
  return filled.length >= 2 && filled.every((c) => GRADE.test(fold(c.text)));
}

/** The roles of a header, column by column: a continued table may word its header a little differently. */
export function headerRolesKey(header: HeaderInfo): string {
  return header.columns.map((c) => `${c.col}:${c.role}:${c.level ?? ''}`).join('|');
}

/** Who and when (责任单位, 责任人, 时限) say nothing about whether a table lists indicators. */
const ABOUT_WHO: ReadonlySet<ColumnRole> = new Set(['ignored', 'unit', 'person', 'deadline']);

/** Column names of an indicator table, not of a form (单位名称 | … | 联系人 | …): two columns about the items, one naming them. */
export function isIndicatorHeader(header: HeaderInfo): boolean {
  const roles = header.columns.map((c) => c.role);
  return roles.filter((r) => !ABOUT_WHO.has(r)).length >= 2 && roles.some((r) => r === 'level' || r === 'title' || r === 'content' || r === 'standard');
}

/** Whether a row, on its own, reads as a row of column names. */
export function isHeaderRow(row: readonly string[]): boolean {
  return looksLikeHeader(row, headerMatches(row));
}

function headerMatches(row: readonly string[]): Map<number, RoleMatch> {
  const matches = new Map<number, RoleMatch>();
  for (const { col, text } of filledCells(row)) {
    const m = matchHeader(text);
    if (m) matches.set(col, m);
  }
  return matches;
}

function looksLikeHeader(row: readonly string[], matches: Map<number, RoleMatch>): boolean {
  const roles = [...matches.values()];
  if (roles.length < 2 || !roles.some((m) => KEY_ROLES.has(m.role))) return false;
  // Most cells of a header are names we know; a data row mentioning “材料审核” is not a header.
  return roles.length * 2 >= filledCells(row).length;
}

/**
 * The system’s name from the lines above the header (title rows, Word headings), skipping
 * “附件1”, notes and dates. Null when there is nothing that reads like a title.
 */
export function titleAbove(lines: readonly string[]): string | null {
  for (const raw of lines) {
    // Kept as written; recognised in 简体 (附件, 註, 說明 …).
    const text = raw
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^附(件|表)\s*[0-9一二三四五六七八九十]*\s*[：:、.]?\s*/, '');
    if (!text || text.length > 60) continue;
    if (/^(注|说明|备注|填报|填表|单位|日期|时间|制表|编制)/.test(toSimplified(text))) continue;
    if (!/[\u4e00-\u9fff]/.test(text)) continue;
    if (/^[（(][^）)]*[）)]$/.test(text)) continue;
    return text;
  }
  return null;
}
