import { unitNamesIn } from '../../../../shared/domain';

/** Labels tables print before the unit: “提供材料部门：”, “牵头单位:”, “责任部门：”. */
const LABEL = /^[^：:]{0,12}(?:部门|单位|科室|处室|责任|负责|提供|牵头|配合|承办)[^：:]{0,6}[：:]\s*/;
/** The whole text in one pair of brackets: “【提供材料部门：党办】”, “（党办）”; not “办公室（党办）”. */
const WRAPPED = /^[【\[〔（(]([^【】\[\]〔〕（）()]*)[】\]〕）)]$/;
const unwrap = (text: string) => WRAPPED.exec(text)?.[1]?.trim() ?? text;
/** “党办（牵头）、工会（配合）”: the part each unit plays is no part of its name. */
const PART = /[（(]\s*(?:牵头|配合|主责|负责|协助|协办|责任)(?:单位|部门)?\s*[）)]/g;
/** A unit note written into an item's text: “…【提供材料部门：党办】”. */
const NOTE = /[【\[〔]\s*((?:提供材料|提供|负责|责任|牵头|承办|主责|报送)[^：:】\]〕]{0,6}(?:部门|单位|科室|处室)?)\s*[：:]\s*([^】\]〕]+)[】\]〕]/g;

/**
 * The unit names of a 负责部门 cell, joined by “、”: brackets and labels dropped (“【提供材料部门：
 * 党办】” → “党办”), several lines or “牵头：办公室；配合：工会” → “办公室、工会”.
 */
export function cleanUnitText(raw: string): string {
  const names: string[] = [];
  for (const piece of raw.split(/[\n；;]+/)) {
    const text = unwrap(unwrap(piece.trim()).replace(LABEL, '').trim()).replace(PART, '');
    for (const name of unitNamesIn(text.replace(/[。.]+$/, ''))) if (!names.includes(name)) names.push(name);
  }
  return names.join('、');
}

/** Take “【提供材料部门：党办】” out of a title or content; the unit names it gives, or '' when none. */
export function takeUnitNote(text: string): { text: string; unit: string } {
  if (!text.includes('：') && !text.includes(':')) return { text, unit: '' };
  const units: string[] = [];
  const rest = text.replace(NOTE, (_all, _label: string, names: string) => {
    units.push(cleanUnitText(names));
    return '';
  });
  return units.length === 0 ? { text, unit: '' } : { text: rest.trim(), unit: units.filter(Boolean).join('、') };
}
