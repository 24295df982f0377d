import type { ArchivalCodeRule } from './packets';

export interface Dossier {
  id: number;
  name: string;
  unit: string;
  period: string;
  systemId: number | null;
  inspectionDate: string | null;
  createdAt: string;
  /** 自评 pass line (e.g. 85); null when none is set. */
  passLine: number | null;
  /** How this dossier's materials are numbered (档号). */
  archivalRule: ArchivalCodeRule;
}

export type VetoStatus = 'excluded' | 'present';

/** One indicator's 自评: leaves carry what the clerk entered; categories the sums below. */
export interface SelfEvalRow {
  indicatorId: number;
  code: string;
  title: string;
  depth: number;
  isLeaf: boolean;
  kind: 'scored' | 'veto' | 'bonus';
  /** Full marks: the leaf's score, or the sum of the scored leaves below a category. */
  maxScore: number | null;
  /** Entered (leaf) or summed (category); null on a leaf not yet evaluated. */
  selfScore: number | null;
  /** Leaves below (or this leaf) still without a self-score (veto items: without a tick). */
  pending: number;
  vetoStatus: VetoStatus | null;
  /** A leaf without points (tables that leave weights to each province): 达标 (true), 未达标 (false), not yet entered (null). */
  met: boolean | null;
  note: string;
  /** 结论性说明 for the 测评材料提交表 (≤ STATEMENT_MAX_CHARS characters); '' when none. */
  statement: string;
}

export type SelfEvalResult = 'pass' | 'fail' | 'veto' | 'no_pass_line';

export interface SelfEvaluation {
  dossierId: number;
  passLine: number | null;
  rows: SelfEvalRow[];
  /** Scored items: full marks and self-score. */
  maxScore: number;
  scoredTotal: number;
  bonusTotal: number;
  /** scoredTotal + bonusTotal: what is compared with the pass line. */
  total: number;
  vetoPresent: number;
  pending: number;
  /**
   * No item carries points: the result is 达标 when every item is entered as 达标 (items counted below).
   */
  byItems: boolean;
  /** Leaves without points: how many, and how many entered as 达标. */
  itemCount: number;
  itemsMet: number;
  /** 'veto' when any veto item is ticked 存在, whatever the score. */
  result: SelfEvalResult;
}

export type CycleMatch = 'code_and_title' | 'title' | 'code';

/** 复核: a dossier copied onto another 测评体系, and where its links went. */
export interface NewCycleReport {
  dossier: Dossier;
  materials: number;
  linksMoved: { materialId: number; title: string; from: string; to: string; match: CycleMatch }[];
  linksUnmatched: { materialId: number; title: string; from: string }[];
}

/**
 * A 自评 score as typed: full-width digits and a trailing “分” are accepted, the value is brought
 * into 0…max (what the field then shows is what is saved). Empty text clears the score; text
 * that is no number gives 'invalid'.
 */
export function scoreFromInput(text: string, max: number | null): number | null | 'invalid' {
  const plain = text
    .replace(/[０-９．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s*分\s*$/, '')
    .trim();
  if (plain === '') return null;
  if (!/^-?\d+(\.\d+)?$|^-?\.\d+$/.test(plain)) return 'invalid';
  const value = Math.round(Number(plain) * 100) / 100;
  return Math.min(Math.max(value, 0), max ?? Number.MAX_SAFE_INTEGER);
}

/** The 结论性说明 of one indicator is at most this many characters (published 测评 guidelines). */
export const STATEMENT_MAX_CHARS = 500;

/** Characters as a clerk counts them: one per Han character or letter, line breaks not counted. */
export function statementLength(text: string): number {
  return Array.from(text.replace(/\r?\n/g, '')).length;
}
