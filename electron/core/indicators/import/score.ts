import { fold, squash } from './text';

export type KindMark = 'veto' | 'bonus' | null;

export interface ScoreCell {
  score: number | null;
  kind: KindMark;
  /** A number with a letter stuck to it (“L5”, “1O分”): not read, for a warning. */
  doubtful?: boolean;
}

const NUMBER = /\d+(?:\.\d+)?/g;
const VETO = /一票否决|否决项|否决指标|否决性|否决事项|^否决$|实行否决/;
const BONUS = /加分项|加分指标|附加分|加分事项|奖励分|^加分$|^\+\d/;
/** “加2分”, “加1-3分”, “最高加5分”, “加0.5～1分”. */
const BONUS_POINTS = /加\s*(\d+(?:\.\d+)?)\s*(?:[-~～—–至到]\s*(\d+(?:\.\d+)?)\s*)?分/;

/**
 * A 分值/权重 cell: “10”, “10分”, “10%”, “1-3” (the upper bound counts), “加1-3分” (bonus),
 * “一票否决” (veto, no score), “—” (nothing).
 */
export function parseScoreCell(text: string): ScoreCell {
  const t = fold(text);
  if (!t || /^[-—–/\\无]+$/.test(t)) return { score: null, kind: null };
  if (/否决/.test(t)) return { score: null, kind: 'veto' };
  const bonus = /^加|^\+|加分/.test(t);
  if (DOUBTFUL.test(t)) return { score: null, kind: bonus ? 'bonus' : null, doubtful: true };
  const score = largestNumber(t);
  return { score, kind: bonus ? 'bonus' : null };
}

/** The largest number in the text, or null; a loop, as a cell may hold any count of numbers. */
function largestNumber(text: string): number | null {
  let best: number | null = null;
  for (const m of text.matchAll(NUMBER)) {
    const n = Number(m[0]);
    if (best === null || n > best) best = n;
  }
  return best;
}

/** Veto or bonus as named in a title, method or numbering cell. */
export function kindMark(text: string): KindMark {
  const t = fold(text);
  if (!t) return null;
  if (VETO.test(t)) return 'veto';
  if (BONUS.test(t)) return 'bonus';
  return null;
}

/** Points in running text (content, standard) of an item that has no score cell: “每项加1分，最高加3分”. */
export function bonusPointsInText(text: string): number | null {
  const t = fold(text);
  let best: number | null = null;
  for (const m of t.matchAll(new RegExp(BONUS_POINTS.source, 'g'))) {
    const n = Math.max(Number(m[1]), m[2] ? Number(m[2]) : 0);
    best = best === null ? n : Math.max(best, n);
  }
  return best;
}

export interface TitleScore {
  title: string;
  score: number | null;
  kind: KindMark;
  /** A score that cannot be read for sure (“（L5分）”: 5 or 15?), taken out of the title but not used. */
  doubtful?: string;
}

/** A letter stuck to the number (“L5分”, “l0分”): a typo no one should guess at. */
const DOUBTFUL = /[A-Za-z]\s*\d|\d\s*[A-Za-z]/;
/** “党建工作 4分”: a score after a space at the very end, not “扣 1 分” or “加 2 分”. */
const TRAILING = /(?<![扣加减得计每])\s+(\d+(?:\.\d+)?)\s*分$/;

/**
 * A score printed at the end of a title — “组织领导（20分）”, “（共15分）”, “加分项（最高加5分）” — is
 * taken out of the title (the score has its own field) and returned.
 */
export function splitTitleScore(title: string): TitleScore {
  const m = /\s*[（(【\[]([^（）()【】[\]]{0,16}?\d+(?:\.\d+)?\s*分[^（）()【】[\]]{0,8})[）)】\]]\s*$/.exec(title);
  if (!m || !m.index) {
    const bare = TRAILING.exec(title);
    if (!bare || !bare.index) return { title, score: null, kind: null };
    return { title: title.slice(0, bare.index).trim(), score: Number(bare[1]), kind: null };
  }
  const inner = squash(m[1]);
  if (DOUBTFUL.test(inner)) return { title: title.slice(0, m.index).trim(), score: null, kind: null, doubtful: m[0].trim() };
  const score = largestNumber(inner);
  if (score === null) return { title, score: null, kind: null };
  return {
    title: title.slice(0, m.index).trim(),
    score,
    kind: /加/.test(inner) ? 'bonus' : null,
  };
}
