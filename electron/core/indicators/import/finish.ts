import type { IndicatorKind } from '../../../../shared/domain';
import type { DraftNode } from './draft';
import { bonusPointsInText, kindMark } from './score';
import { fold } from './text';
import { cleanUnitText, takeUnitNote } from './unitText';
import type { ParsedIndicator } from './types';

interface Resolved {
  node: DraftNode;
  kind: IndicatorKind;
  children: Resolved[];
}

/**
 * Last step for every layout: kinds (veto/bonus pass down to children), category scores worked
 * out from children where the file gives none, checks that children add up, and codes.
 * With `ownCodes` the sheet’s codes are kept; otherwise codes are 1, 1.2, 1.2.3 by position.
 */
export function finishTree(roots: DraftNode[], ownCodes: boolean): { indicators: ParsedIndicator[]; warnings: string[] } {
  const resolved = roots.map((r) => resolveKind(r, 'scored'));
  resolved.forEach(settleScore);
  const indicators: ParsedIndicator[] = [];
  const warnings: string[] = [];
  const emit = (items: Resolved[], parentCode: string | null) => {
    items.forEach((item, i) => {
      const { node } = item;
      // A category named by a 内容 cell (“一、组织领导（20分）”) has no content of its own.
      if (item.children.length > 0 && node.namedBy !== null) node[node.namedBy] = '';
      takeUnitNotes(node);
      const code = ownCodes && node.code ? node.code : parentCode === null ? String(i + 1) : `${parentCode}.${i + 1}`;
      indicators.push({
        code,
        parentCode,
        numbering: node.numbering,
        title: node.title,
        content: node.content,
        standard: node.standard,
        methods: node.methods,
        score: node.score,
        kind: item.kind,
        requiredMaterials: node.requiredMaterials,
        responsibleUnit: node.responsibleUnit,
        responsiblePerson: node.responsiblePerson,
        deadline: node.deadline,
      });
      if (node.deadlineText) warnings.push(`“${node.title}”（${code}）的完成时限“${node.deadlineText}”不是“年-月-日”的日期，未导入，请导入后填写`);
      if (node.doubtfulScore && node.score === null) {
        warnings.push(`“${node.title}”（${code}）标注的分值“${node.doubtfulScore}”不是有效的数字，没有计分；请对照原表，导入后在测评体系中填写分值`);
      }
      const mismatch = sumMismatch(item);
      if (mismatch !== null) {
        warnings.push(`“${node.title}”（${code}）的分值为 ${fmt(node.score ?? 0)} 分，但下级指标合计 ${fmt(mismatch)} 分，请核对`);
      }
      emit(item.children, code);
    });
  };
  emit(resolved, null);
  return { indicators, warnings };
}

/** “【提供材料部门：党办】” written into the title or text is the item's unit, not its wording. */
function takeUnitNotes(node: DraftNode): void {
  const found: string[] = node.responsibleUnit ? [node.responsibleUnit] : [];
  for (const field of ['title', 'content', 'standard'] as const) {
    const { text, unit } = takeUnitNote(node[field]);
    if (!unit) continue;
    node[field] = text;
    found.push(unit);
  }
  node.responsibleUnit = cleanUnitText(found.join('、'));
}

function resolveKind(node: DraftNode, inherited: IndicatorKind): Resolved {
  let mark = node.mark;
  if (mark === null && node.score === null && node.children.length === 0) {
    // An item with no score whose text says “一票否决” or “加2分” is that kind of item.
    const text = `${node.content}\n${node.standard}`;
    mark = kindMark(text) === 'veto' || /一票否决/.test(fold(text)) ? 'veto' : bonusPointsInText(text) !== null ? 'bonus' : null;
    if (mark === 'bonus') node.score = bonusPointsInText(text);
  }
  let kind: IndicatorKind = mark ?? inherited;
  const children = node.children.map((c) => resolveKind(c, kind));
  // A category the file does not mark, holding only veto (or only bonus) items, is that kind too.
  if (mark === null && !node.scoreGiven && children.length > 0) {
    const kinds = new Set(children.map((c) => c.kind));
    const only = kinds.size === 1 ? [...kinds][0] : null;
    if (only && only !== 'scored') kind = only;
  }
  return { node, kind, children };
}

/** Veto items carry no score; a category without its own score gets the sum of its children of the same kind. */
function settleScore(item: Resolved): void {
  item.children.forEach(settleScore);
  const { node } = item;
  if (item.kind === 'veto') {
    node.score = null;
    return;
  }
  if (node.scoreGiven || item.children.length === 0) return;
  const counted = item.children.filter((c) => c.kind === item.kind && c.node.score !== null);
  node.score = counted.length > 0 ? round(counted.reduce((s, c) => s + (c.node.score ?? 0), 0)) : null;
}

/** The children’s total when it differs from a score the file gives the category, else null. */
function sumMismatch(item: Resolved): number | null {
  const { node } = item;
  if (!node.scoreGiven || node.score === null || item.kind !== 'scored') return null;
  const counted = item.children.filter((c) => c.kind === 'scored' && c.node.score !== null);
  if (counted.length === 0) return null;
  const sum = round(counted.reduce((s, c) => s + (c.node.score ?? 0), 0));
  return Math.abs(sum - node.score) > 1e-6 ? sum : null;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function fmt(n: number): string {
  return String(round(n));
}
