import { newDraft, type DraftNode } from './draft';
import { applyScoreCell, assignRowFields, namedNode, type CellReader } from './fields';
import type { Layout } from './layout';
import type { MergeIndex } from './merges';
import { numberingCellStyle, splitNumbering, StyleLevels } from './numbering';
import type { ClassifiedRow } from './rows';
import { normaliseCode } from './codeTree';
import { moveMergedScores } from './mergedScores';
import { numberedTier, scoreColumnsByTier } from './tierColumns';
import { planTiers } from './tiers';
import { kindMark, splitTitleScore } from './score';
import { oneLine, rowLabel } from './text';

export interface StructureInput {
  rows: readonly string[][];
  classified: readonly ClassifiedRow[];
  layout: Layout;
  cells: CellReader;
  merges: MergeIndex;
}

export interface TreeParts {
  roots: DraftNode[];
  warnings: string[];
}

/** Category rows and level columns are ranked apart: category rows sit above every column level. */
const COLUMN_RANK_BASE = 1000;
const UNNUMBERED_RANK = 999;
const UNNUMBERED_CATEGORY = 'unnumbered-category';

/**
 * Build the tree of a table without its own codes. Levels come from the level columns (one-level-per-
 * column, blanks and merged cells meaning “same as above”), from category rows spanning the table,
 * and — when there is only one naming column — from the outline numbering (一、（一）1.（1）①).
 */
export function buildByStructure(input: StructureInput): TreeParts {
  const { layout } = input;
  const plan = planTiers({ classified: input.classified, layout, text: (r, c) => input.cells.raw(r, c) });
  const tiers = plan.cols;
  const byNumbering = tiers.length === 1;
  const serialTier = numberedTier(input, plan);
  const scoreOfTier = scoreColumnsByTier(layout, tiers);
  const styles = new StyleLevels();
  const roots: DraftNode[] = [];
  const warnings: string[] = [];
  const stack: { node: DraftNode; rank: number }[] = [];
  const createdAt = new Map<number, DraftNode[]>();
  const parentOf = new Map<DraftNode, DraftNode | null>();
  let spanningTop: number | null = null;
  let previousItem: { rank: number; numbered: boolean } | null = null;

  const place = (node: DraftNode, rank: number) => {
    while (stack.length > 0 && stack[stack.length - 1].rank >= rank) stack.pop();
    const parent = stack.length > 0 ? stack[stack.length - 1].node : null;
    (parent ? parent.children : roots).push(node);
    parentOf.set(node, parent);
    stack.push({ node, rank });
    const list = createdAt.get(node.row) ?? [];
    list.push(node);
    createdAt.set(node.row, list);
  };

  for (const { row: r, kind } of input.classified) {
    const row = input.rows[r];
    if (kind === 'spanning') {
      const text = row.find((c) => c.trim() !== '') ?? '';
      const nm = splitNumbering(text);
      // An unnumbered category row (“否决项”) sits beside the first category rows; when it is the
      // first, it takes an outline level of its own so that numbered items nest under it.
      const rank: number = nm ? styles.levelOf(nm.style) : (spanningTop ?? styles.levelOf(UNNUMBERED_CATEGORY));
      spanningTop ??= rank;
      place(named(r, text), rank);
      previousItem = null;
      continue;
    }
    if (kind !== 'data') continue;
    const rowStates = plan.states.get(r) ?? [];
    const created: DraftNode[] = [];
    const createdTier = new Map<DraftNode, number>();
    tiers.forEach((col, i) => {
      if (rowStates[i] !== 'fresh') return;
      const text = input.cells.raw(r, col);
      const printedCode = input.cells.raw(r, layout.tierCodes.get(col) ?? null);
      let rank = COLUMN_RANK_BASE + i;
      if (byNumbering) {
        const style =
          numberingCellStyle(input.cells.raw(r, layout.numbering)) ?? numberingCellStyle(printedCode) ?? splitNumbering(text)?.style ?? null;
        if (style !== null) {
          rank = styles.levelOf(style);
        } else if (isKindHeading(text) && styles.deepest >= 0) {
          // “加分项”, “否决项” written among numbered items open a section beside the top categories.
          rank = 0;
        } else {
          // Unnumbered after a numbered item at the deepest outline level: a sibling; otherwise a child.
          const sibling = previousItem && (!previousItem.numbered || (previousItem.rank === styles.deepest && styles.deepest >= 1));
          rank = sibling && previousItem ? previousItem.rank : UNNUMBERED_RANK;
        }
        previousItem = { rank, numbered: style !== null };
      }
      const node = named(r, text);
      if (printedCode) {
        node.numbering = printedCode;
        node.code = normaliseCode(printedCode);
      }
      // Items named by their content or standard column keep that text as content/standard too.
      const role = layout.roleOf.get(col);
      if (role === 'content') node.content = splitNumbering(text)?.rest || text;
      if (role === 'standard') node.standard = splitNumbering(text)?.rest || text;
      node.namedBy = role === 'content' || role === 'standard' ? role : null;
      const ownScore = scoreOfTier.get(i);
      if (ownScore !== undefined) applyScoreCell(node, input.cells.raw(r, ownScore));
      place(node, rank);
      created.push(node);
      createdTier.set(node, i);
    });
    const leaf = created[created.length - 1];
    if (!leaf) {
      warnings.push(`${rowLabel(r + 1, row)}：无法确定属于哪一项指标（指标名称为空或与上一行相同），已跳过`);
      continue;
    }
    // Content/standard columns that are not a level in this row are the item's text.
    const isLevel = (c: number) => tiers.some((t, i) => t === c && plan.active(r, i));
    const leafScore = scoreOfTier.size > 0 ? (scoreOfTier.get(createdTier.get(leaf) ?? -1) ?? null) : layout.score;
    const rowLayout = {
      ...layout,
      content: layout.content.filter((c) => !isLevel(c)),
      standard: layout.standard.filter((c) => !isLevel(c)),
      score: leafScore,
    };
    assignRowFields(leaf, r, rowLayout, input.cells);
    const serial = input.cells.raw(r, layout.numbering);
    const target = created.find((n) => createdTier.get(n) === serialTier) ?? leaf;
    if (serial && !target.numbering) target.numbering = serial;
  }
  if (scoreOfTier.size === 0) for (const w of moveMergedScores(input, layout, createdAt, parentOf)) warnings.push(w);
  return { roots, warnings };
}

/** A short unnumbered line naming a 加分/否决 section, with or without its points (“加分项（5分）”). */
function isKindHeading(text: string): boolean {
  const title = splitTitleScore(oneLine(text)).title;
  return title.length <= 12 && kindMark(title) !== null;
}

function named(row: number, cellText: string): DraftNode {
  const text = oneLine(cellText);
  const nm = splitNumbering(text);
  return nm && nm.rest ? namedNode(newDraft(row, nm.rest, nm.numbering)) : namedNode(newDraft(row, text));
}
