import type { DraftNode } from './draft';
import type { Layout } from './layout';
import type { StructureInput } from './tableToTree';

/**
 * A score cell merged down over several rows belongs to the node those rows make up together
 * (e.g. a 二级指标’s 10 points next to its three items), not to the first item.
 */
/** The last row a node's subtree reaches, walked with a stack. */
function lastRow(node: DraftNode): number {
  let last = node.row;
  const stack = [node];
  for (let n = stack.pop(); n; n = stack.pop()) {
    last = Math.max(last, n.row);
    for (const child of n.children) stack.push(child);
  }
  return last;
}

export function moveMergedScores(
  input: StructureInput,
  layout: Layout,
  createdAt: Map<number, DraftNode[]>,
  parentOf: Map<DraftNode, DraftNode | null>,
): string[] {
  const warnings: string[] = [];
  if (layout.score === null) return warnings;
  const scoreCol = layout.score;
  for (const m of input.merges.ranges) {
    if (m.left > scoreCol || m.right < scoreCol || m.bottom === m.top) continue;
    const nodes = createdAt.get(m.top);
    const leaf = nodes?.[nodes.length - 1];
    if (!leaf || !leaf.scoreGiven) continue;
    let owner: DraftNode | null = null;
    for (let n: DraftNode | null = leaf; n && n.row === m.top; n = parentOf.get(n) ?? null) {
      if (lastRow(n) === m.bottom) owner = n;
    }
    if (owner === leaf) continue;
    if (owner) {
      owner.score = leaf.score;
      owner.scoreGiven = true;
      leaf.score = null;
      leaf.scoreGiven = false;
    } else {
      warnings.push(`第 ${m.top + 1}–${m.bottom + 1} 行的分值是一个合并单元格，已记在第 ${m.top + 1} 行的“${leaf.title}”上，请核对`);
    }
  }
  return warnings;
}
