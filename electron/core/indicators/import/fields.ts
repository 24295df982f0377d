import type { DraftNode } from './draft';
import type { Layout } from './layout';
import type { MergeIndex } from './merges';
import { kindMark, parseScoreCell, splitTitleScore } from './score';
import { cleanUnitText } from './unitText';
import { dateOf } from './dates';

/** Reads one table’s cells, reading a blank under a vertical merge as the merged text where that makes sense. */
export class CellReader {
  constructor(
    private readonly rows: readonly string[][],
    private readonly merges: MergeIndex,
  ) {}

  raw(row: number, col: number | null): string {
    if (col === null) return '';
    return (this.rows[row]?.[col] ?? '').trim();
  }

  /** For text fields (methods, materials, unit): a merged cell applies to every row it covers. */
  filled(row: number, col: number): string {
    const own = this.raw(row, col);
    if (own) return own;
    const m = this.merges.verticalSlave(row, col);
    return m ? this.raw(m.top, m.left) : '';
  }

  /** The cells' texts, one per line; a column with a label (a grade) reads “A：1.0”. */
  joined(row: number, cols: readonly number[], labels?: ReadonlyMap<number, string>): string {
    const parts = cols
      .map((c) => {
        const text = this.filled(row, c);
        const label = labels?.get(c);
        return text && label ? `${label}：${text}` : text;
      })
      .filter(Boolean);
    return [...new Set(parts)].join('\n');
  }
}

/** Split “材料审核、实地考察/问卷调查” into methods; veto/bonus words are kinds, not methods. */
export function splitMethods(text: string): string[] {
  const parts = text
    .split(/[、，,/／;；|｜\n]+/)
    .map((p) => p.trim())
    .filter((p) => p && kindMark(p) === null);
  return [...new Set(parts)];
}

/** Take a score printed in the title (“组织领导（20分）”) into the score field, keeping the title clean. */
export function applyTitleScore(node: DraftNode): void {
  const t = splitTitleScore(node.title);
  if (t.doubtful) {
    node.title = t.title;
    node.doubtfulScore = t.doubtful;
    return;
  }
  if (t.score === null) return;
  node.title = t.title;
  if (node.score === null) {
    node.score = t.score;
    node.scoreGiven = true;
  }
  node.mark ??= t.kind;
}

/** Put the row’s non-naming cells (score, methods, materials …) on the node the row stands for. */
export function assignRowFields(node: DraftNode, row: number, layout: Layout, cells: CellReader): void {
  const content = cells.joined(row, layout.content);
  const standard = cells.joined(row, layout.standard, layout.gradeLabels);
  if (content) node.content = node.content ? `${node.content}\n${content}` : content;
  if (standard) node.standard = node.standard ? `${node.standard}\n${standard}` : standard;
  const methodText = cells.joined(row, layout.methods);
  node.methods = splitMethods(methodText);
  node.requiredMaterials = cells.joined(row, layout.materials);
  node.responsibleUnit = cleanUnitText(cells.joined(row, layout.unit));
  node.responsiblePerson = [...new Set(cells.joined(row, layout.person).split('\n'))].filter(Boolean).join('、');
  const due = cells.filled(row, layout.deadline ?? -1);
  node.deadline = dateOf(due);
  node.deadlineText = node.deadline ? '' : due;
  applyScoreCell(node, cells.raw(row, layout.score));
  // No 分值 cell: a score printed at the end of the item's text (“…（4分）”) is its score.
  if (node.score === null) {
    const printed = splitTitleScore(content || standard);
    if (printed.score !== null) {
      node.score = printed.score;
      node.scoreGiven = true;
      node.mark ??= printed.kind;
    } else if (printed.doubtful) node.doubtfulScore = printed.doubtful;
  }
  node.mark ??= kindMark(methodText) ?? kindMark(cells.raw(row, layout.numbering));
}

/** A 分值 cell: its number wins over a score printed in the title (they normally agree); 加/否决 set the kind. */
export function applyScoreCell(node: DraftNode, text: string): void {
  const parsed = parseScoreCell(text);
  if (parsed.doubtful) node.doubtfulScore = text.trim();
  if (parsed.score !== null) {
    node.score = parsed.score;
    node.scoreGiven = true;
  }
  if (parsed.kind !== null) node.mark = parsed.kind;
}

/** A node named by a cell: numbering and a printed score taken out of the title, veto/bonus words noted. */
export function namedNode(node: DraftNode): DraftNode {
  node.mark = kindMark(node.title);
  applyTitleScore(node);
  return node;
}
