import { ApiError } from '../../../../shared/errors';
import { newDraft, type DraftNode } from './draft';
import { assignRowFields, namedNode, type CellReader } from './fields';
import type { Layout } from './layout';
import { splitNumbering } from './numbering';
import type { ClassifiedRow } from './rows';
import type { TreeParts } from './tableToTree';
import { oneLine, rowLabel } from './text';

export interface CodeInput {
  rows: readonly string[][];
  classified: readonly ClassifiedRow[];
  layout: Layout & { code: number };
  cells: CellReader;
  fileLabel: string;
}

/** Codes compare without spaces and with full-width digits and dots folded (“１．２” = “1.2”). */
export function normaliseCode(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** Whether a 编号 column holds real codes (distinct values) rather than a number restarting per category. */
export function codesAreDistinct(values: readonly string[]): boolean {
  const filled = values.map(normaliseCode).filter(Boolean);
  return filled.length > 0 && new Set(filled).size === filled.length;
}

/**
 * Build the tree of a table with its own code column: one node per coded row, parents from the
 * 上级编码 column or else from the code itself (1.2 → 1, A1 → A, 0102 → 01).
 */
export function buildByCodes(input: CodeInput): TreeParts {
  const { cells } = input;
  // A 上级编码 column left empty says nothing: the codes themselves then tell the parents.
  const parentCol = input.layout.parentCode;
  const parentsGiven = parentCol !== null && input.classified.some((c) => cells.raw(c.row, parentCol) !== '');
  const layout = { ...input.layout, parentCode: parentsGiven ? parentCol : null };
  const warnings: string[] = [];
  const nodes: DraftNode[] = [];
  const byCode = new Map<string, DraftNode>();
  const repeats = new Map<string, number>();
  for (const { row: r, kind } of input.classified) {
    if (kind !== 'data' && kind !== 'spanning') continue;
    const row = input.rows[r];
    const code = normaliseCode(cells.raw(r, layout.code));
    if (!code) {
      warnings.push(`${rowLabel(r + 1, row)}没有编码，无法确定位置，已跳过`);
      continue;
    }
    const titleCol = [...layout.tiers].reverse().find((c) => cells.raw(r, c) !== '') ??
      [...layout.content, ...layout.standard].find((c) => cells.raw(r, c) !== '');
    const titleText = titleCol === undefined ? '' : oneLine(cells.raw(r, titleCol));
    const nm = splitNumbering(titleText);
    const title = nm?.rest || titleText;
    const node = namedNode(newDraft(r, title || code, nm?.rest ? nm.numbering : ''));
    assignRowFields(node, r, layout, cells);
    // Items named by their 内容/要求 column keep that text as content too, as in tables without codes.
    const titleRole = titleCol === undefined ? undefined : layout.roleOf.get(titleCol);
    if (titleRole === 'content' && !node.content) node.content = title;
    if (titleRole === 'standard' && !node.standard) node.standard = title;
    node.namedBy = titleRole === 'content' || titleRole === 'standard' ? titleRole : null;
    const serial = cells.raw(r, layout.numbering);
    if (serial) node.numbering = serial;
    node.parentCode = layout.parentCode === null ? null : normaliseCode(cells.raw(r, layout.parentCode)) || null;
    node.code = uniqueCode(code, byCode, repeats);
    if (node.code !== code) {
      warnings.push(`编码 ${code} 重复（第 ${(byCode.get(code)?.row ?? 0) + 1} 行与第 ${r + 1} 行），后一项已改为 ${node.code}，请核对`);
    }
    byCode.set(node.code, node);
    nodes.push(node);
  }
  if (layout.parentCode === null) for (const w of inferParents(nodes, byCode)) warnings.push(w);
  return { roots: link(nodes, byCode, input.fileLabel), warnings };
}

/**
 * “A2” taken → “A2(2)”: a suffix no code separator reads as a level, so it stays a sibling.
 * `repeats` remembers the last suffix per code, so a code repeated on every row stays linear.
 */
function uniqueCode(code: string, taken: Map<string, DraftNode>, repeats: Map<string, number>): string {
  if (!taken.has(code)) return code;
  let n = repeats.get(code) ?? 2;
  while (taken.has(`${code}(${n})`)) n++;
  repeats.set(code, n + 1);
  return `${code}(${n})`;
}

const SEPARATOR = /[.\-_·]/;

/** Parents implied by the codes. A missing implied parent is not fatal: the nearest existing ancestor is used. */
function inferParents(nodes: DraftNode[], byCode: Map<string, DraftNode>): string[] {
  const warnings: string[] = [];
  const codes = nodes.map((n) => n.code ?? '');
  const groupWidth = fixedDigitGroup(codes);
  // Only prefixes as long as some code can be a parent: long codes stay linear, not quadratic.
  const lengths = new Set(codes.map((c) => c.length));
  for (const node of nodes) {
    const code = (node.code ?? '').replace(/[.\-_·]+$/, '');
    const separated = SEPARATOR.test(code);
    const prefixes = parentPrefixLengths(code, separated, groupWidth);
    let found: string | undefined;
    for (const len of prefixes) {
      if (!lengths.has(len)) continue;
      const candidate = code.slice(0, len);
      if (byCode.has(candidate) && byCode.get(candidate) !== node) {
        found = candidate;
        break;
      }
    }
    node.parentCode = found ?? null;
    const nearest = prefixes.length > 0 ? code.slice(0, prefixes[0]) : undefined;
    if (separated && found !== nearest) {
      warnings.push(`编码 ${node.code} 的上级 ${nearest} 不在表中，已${found ? `挂在 ${found} 下` : '作为顶层指标'}，请核对`);
    }
  }
  return warnings;
}

/** Lengths of the prefixes that could be a code's parent, nearest first: 1.2.3 → 3 (“1.2”), 1 (“1”). */
function parentPrefixLengths(code: string, separated: boolean, groupWidth: number | null): number[] {
  const out: number[] = [];
  if (separated) {
    for (let i = code.length - 1; i >= 0; i--) if (SEPARATOR.test(code[i])) out.push(i);
  } else if (groupWidth && /^\d+$/.test(code)) {
    for (let len = code.length - groupWidth; len >= groupWidth; len -= groupWidth) out.push(len);
  } else {
    // A1 → A: only where letters and digits meet, so 12 is not taken for a child of 1.
    for (let len = code.length - 1; len >= 1; len--) {
      if (isLetter(code[len - 1]) !== isLetter(code[len])) out.push(len);
    }
  }
  return out;
}

/** 01, 0101, 010101: every code a multiple of the shortest length, with more than one length present. */
function fixedDigitGroup(codes: readonly string[]): number | null {
  if (codes.length === 0 || !codes.every((c) => /^\d+$/.test(c))) return null;
  let width = Infinity;
  for (const c of codes) width = Math.min(width, c.length);
  const lengths = new Set(codes.map((c) => c.length));
  return width >= 2 && lengths.size > 1 && codes.every((c) => c.length % width === 0) ? width : null;
}

function isLetter(ch: string): boolean {
  return /[A-Za-z]/.test(ch);
}

/** Children lists in row order; refuses parents that do not exist or that loop back. */
function link(nodes: DraftNode[], byCode: Map<string, DraftNode>, fileLabel: string): DraftNode[] {
  const roots: DraftNode[] = [];
  for (const node of nodes) {
    if (node.parentCode === null) {
      roots.push(node);
      continue;
    }
    const parent = byCode.get(node.parentCode);
    if (!parent) {
      throw new ApiError(
        'bad_input',
        `“${fileLabel}”第 ${node.row + 1} 行的指标“${node.title}”（编码 ${node.code}）的上级编码 ${node.parentCode} 在表中不存在。` +
          `请检查“上级编码”列是否写错，或补上编码为 ${node.parentCode} 的指标后再导入`,
      );
    }
    parent.children.push(node);
  }
  // Each chain is walked once: nodes known to reach a top-level indicator are not walked again.
  const rooted = new Set<DraftNode>();
  for (const node of nodes) {
    const seen: DraftNode[] = [];
    const onPath = new Set<DraftNode>();
    for (let n: DraftNode | undefined = node; n && n.parentCode !== null && !rooted.has(n); n = byCode.get(n.parentCode)) {
      if (onPath.has(n)) {
        const loop = seen.slice(seen.indexOf(n)).map((x) => x.code);
        throw new ApiError(
          'bad_input',
          `“${fileLabel}”中的上级编码形成了循环：${[...loop, n.code].join(' → ')}，无法确定层级。` +
            `请修改“上级编码”列，使每一项最终都能追溯到一个没有上级编码的顶层指标，然后重新导入`,
        );
      }
      seen.push(n);
      onPath.add(n);
    }
    for (const n of seen) rooted.add(n);
  }
  return roots;
}
