import { newDraft, type DraftNode } from './draft';
import { splitNumbering } from './numbering';
import { bonusPointsInText, kindMark, splitTitleScore, type KindMark } from './score';
import { fold, oneLine } from './text';

/** Words that make a table or list a set of 否决 conditions: “有下列情形之一的，不得申报”. */
const VETO_CONTEXT = /否决|不得申报|不得参评|不得参加|不予(?:推荐|申报|评定|通过|命名)|取消.{0,10}资格/;
const BONUS_CONTEXT = /加分|附加分|奖励分/;
/** A heading is short: “二、一票否决项”, “加分项目”. */
const HEADING_LENGTH = 16;

export type SectionKind = Exclude<KindMark, null>;

export function contextKind(text: string): SectionKind | null {
  const t = fold(text);
  if (VETO_CONTEXT.test(t)) return 'veto';
  if (BONUS_CONTEXT.test(t)) return 'bonus';
  return kindMark(text);
}

/** A heading (“二、一票否决项”) or a line that introduces a list (“有下列情形之一的，不得申报：”). */
export function opensSection(line: string): boolean {
  return isHeading(line) || /[：:]$|下列|以下|如下/.test(line);
}

export function isHeading(line: string): boolean {
  const rest = splitNumbering(line)?.rest ?? line;
  return rest.length <= HEADING_LENGTH && contextKind(rest) !== null && !/[，,；;。]/.test(rest);
}

export function startSection(kind: SectionKind): DraftNode {
  const node = newDraft(-1, kind === 'veto' ? '否决项' : '加分项');
  node.mark = kind;
  return node;
}

/** A heading names the category, an introduction (“有下列情形之一的…”) becomes its content. Whether the line was one of them. */
export function absorb(category: DraftNode, line: string, kind: SectionKind): boolean {
  const text = oneLine(line);
  if (!text || contextKind(text) !== kind) return false;
  if (isHeading(text)) {
    const heading = splitTitleScore((splitNumbering(text)?.rest ?? text).replace(/[：:]$/, ''));
    category.title = heading.title;
    if (heading.score !== null) {
      category.score = heading.score;
      category.scoreGiven = true;
    }
    return true;
  }
  category.content = (splitNumbering(text)?.rest || text).replace(/[：:]$/, '');
  return true;
}

export function addItem(category: DraftNode, text: string, numbering: string): void {
  const nm = numbering ? null : splitNumbering(text);
  const title = (nm?.rest || text).replace(/[；;。，,]+$/, '').trim();
  if (!title) return;
  const item = newDraft(-1, title, numbering || nm?.numbering || '');
  // “获得国家级表彰的，加3分”, “（2分）”: the points an item carries.
  const points = category.mark === 'bonus' ? bonusPointsInText(title) : null;
  const printed = splitTitleScore(title);
  item.score = points ?? printed.score;
  item.scoreGiven = item.score !== null;
  if (printed.score !== null) item.title = printed.title;
  category.children.push(item);
}
