import type { CodeMode } from '../../../../shared/domain';
import type { Db } from '../../archive/database';
import { markIndicatorsForIndex } from '../../search/searchIndex';
import { getSystem } from '../repo';

/**
 * Codes after an edit (the rule, in one place):
 * - a system imported without its own code column ('position') is renumbered by place after every
 *   structural change — `2.3` is always the third item of the second category, as the packet prints;
 * - a system whose sheet had an 编码 column ('sheet') keeps those codes: a moved or reordered item
 *   keeps its code, a new item gets the next free `<parent code>.<n>`.
 * Materials are linked by indicator id, never by code, so they follow their indicator either way.
 * The original numbering (“（一）”) is the clerk's to edit and is never rewritten.
 */
export interface TreeNode {
  id: number;
  parentId: number | null;
  position: number;
  code: string;
  depth: number;
}

export class SystemTree {
  readonly children = new Map<number | null, TreeNode[]>();
  readonly byId = new Map<number, TreeNode>();

  constructor(
    readonly systemId: number,
    readonly codeMode: CodeMode,
    nodes: TreeNode[],
  ) {
    for (const n of nodes) this.byId.set(n.id, n);
    for (const n of [...nodes].sort((a, b) => a.position - b.position)) this.kids(n.parentId).push(n);
  }

  kids(parentId: number | null): TreeNode[] {
    let list = this.children.get(parentId);
    if (!list) this.children.set(parentId, (list = []));
    return list;
  }

  /** The node and everything below it. */
  subtree(id: number): number[] {
    const out: number[] = [];
    const stack = [id];
    while (stack.length) {
      const next = stack.pop()!;
      out.push(next);
      stack.push(...this.kids(next).map((k) => k.id));
    }
    return out;
  }

  /** A code for a new item under `parentId` that no other item uses. */
  freeCode(parentId: number | null): string {
    const prefix = parentId === null ? '' : `${this.byId.get(parentId)!.code}.`;
    const used = new Set([...this.byId.values()].map((n) => n.code));
    for (let n = this.kids(parentId).length + 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
  }
}

export function loadTree(db: Db, systemId: number): SystemTree {
  const { codeMode } = getSystem(db, systemId);
  const nodes = db
    .prepare('SELECT id, parent_id AS parentId, position, code, depth FROM indicator WHERE system_id = ?')
    .all(systemId) as TreeNode[];
  return new SystemTree(systemId, codeMode, nodes);
}

/**
 * Write the tree back: pre-order positions, depths, and (by position) codes. Changed codes go
 * through a temporary value first so the UNIQUE (system, code) constraint never trips midway.
 */
export function saveTree(db: Db, tree: SystemTree): void {
  const wanted: { node: TreeNode; parentId: number | null; position: number; depth: number; code: string }[] = [];
  let position = 0;
  const walk = (parentId: number | null, depth: number, parentCode: string | null) => {
    tree.kids(parentId).forEach((node, i) => {
      const code =
        tree.codeMode === 'position' ? (parentCode === null ? String(i + 1) : `${parentCode}.${i + 1}`) : node.code;
      wanted.push({ node, parentId, position: ++position, depth, code });
      walk(node.id, depth + 1, code);
    });
  };
  walk(null, 1, null);
  const changed = wanted.filter(
    (w) => w.node.parentId !== w.parentId || w.node.position !== w.position || w.node.depth !== w.depth || w.node.code !== w.code,
  );
  // Moved under another parent: the search facets of what is filed below them change.
  const moved = changed.filter((w) => w.node.parentId !== w.parentId).map((w) => w.node.id);
  const setCode = db.prepare('UPDATE indicator SET code = ? WHERE id = ?');
  for (const w of changed) if (w.node.code !== w.code) setCode.run(`\u0000${w.node.id}`, w.node.id);
  const update = db.prepare('UPDATE indicator SET parent_id = ?, position = ?, depth = ?, code = ? WHERE id = ?');
  for (const w of changed) {
    update.run(w.parentId, w.position, w.depth, w.code, w.node.id);
    Object.assign(w.node, { parentId: w.parentId, position: w.position, depth: w.depth, code: w.code });
  }
  markIndicatorsForIndex(db, moved);
}
