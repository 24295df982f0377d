import type { Indicator, SelfEvalRow, SelfEvaluation, VetoStatus } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { Db } from '../archive/database';
import { audit } from '../audit/auditLog';
import { getIndicator, listIndicators } from '../indicators/repo';
import { getDossier } from './repo';
import { listStatements } from './statements';

// 自评 belongs to a dossier (a system may serve several dossiers): one row per evaluated leaf.
// Categories are never entered; they show the sums of the leaves below. An item without points
// (systems that leave weights to each province) is entered as 达标/未达标: stored in the score
// column as 1/0, read back as `met`, and never added to a score.

interface EntryRow {
  indicator_id: number;
  score: number | null;
  veto_status: VetoStatus | null;
  note: string;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export function getSelfEvaluation(db: Db, dossierId: number): SelfEvaluation {
  const dossier = getDossier(db, dossierId);
  const indicators = dossier.systemId === null ? [] : listIndicators(db, dossier.systemId);
  const entries = new Map(
    (db.prepare('SELECT indicator_id, score, veto_status, note FROM self_evaluation WHERE dossier_id = ?').all(dossierId) as EntryRow[]).map(
      (e) => [e.indicator_id, e],
    ),
  );
  const statements = listStatements(db, dossierId);
  const children = new Map<number | null, Indicator[]>();
  for (const i of indicators) children.set(i.parentId, [...(children.get(i.parentId) ?? []), i]);
  const rows = new Map<number, SelfEvalRow>();
  let bonusTotal = 0;
  let vetoPresent = 0;
  let itemCount = 0;
  let itemsMet = 0;
  let pointedLeaves = 0;
  const visit = (ind: Indicator): SelfEvalRow => {
    const kids = children.get(ind.id) ?? [];
    const entry = entries.get(ind.id);
    const base = { indicatorId: ind.id, code: ind.code, title: ind.title, depth: ind.depth, kind: ind.kind, note: entry?.note ?? '', statement: statements.get(ind.id) ?? '' };
    let row: SelfEvalRow;
    if (kids.length === 0) {
      const vetoStatus = entry?.veto_status ?? null;
      const byItem = ind.kind !== 'veto' && ind.score === null;
      const met = byItem && entry && entry.score !== null ? entry.score > 0 : null;
      const selfScore = ind.kind === 'veto' || byItem ? null : (entry?.score ?? null);
      if (ind.kind === 'veto' && vetoStatus === 'present') vetoPresent++;
      if (ind.kind === 'bonus' && selfScore !== null) bonusTotal += selfScore;
      if (byItem && ind.kind === 'scored') {
        itemCount++;
        if (met) itemsMet++;
      }
      if (ind.kind !== 'veto' && ind.score !== null) pointedLeaves++;
      const pending = ind.kind === 'veto' ? (vetoStatus === null ? 1 : 0) : byItem ? (met === null ? 1 : 0) : selfScore === null ? 1 : 0;
      row = { ...base, isLeaf: true, maxScore: ind.kind === 'veto' ? null : ind.score, selfScore, pending, vetoStatus, met };
    } else {
      const sub = kids.map(visit);
      // A category adds up the children of its own kind: bonus items sit apart from the score.
      const counted = sub.filter((r) => r.kind === ind.kind && r.kind !== 'veto');
      const entered = counted.filter((r) => r.selfScore !== null);
      row = {
        ...base,
        isLeaf: false,
        maxScore: ind.kind === 'veto' ? null : round(counted.reduce((s, r) => s + (r.maxScore ?? 0), 0)),
        selfScore: entered.length === 0 ? null : round(entered.reduce((s, r) => s + (r.selfScore ?? 0), 0)),
        pending: sub.reduce((s, r) => s + r.pending, 0),
        vetoStatus: null,
        met: null,
      };
    }
    rows.set(ind.id, row);
    return row;
  };
  const roots = (children.get(null) ?? []).map(visit);
  const scoredRoots = roots.filter((r) => r.kind === 'scored');
  const maxScore = round(scoredRoots.reduce((s, r) => s + (r.maxScore ?? 0), 0));
  const scoredTotal = round(scoredRoots.reduce((s, r) => s + (r.selfScore ?? 0), 0));
  const total = round(scoredTotal + bonusTotal);
  const passLine = dossier.passLine;
  const byItems = pointedLeaves === 0 && itemCount > 0;
  const result =
    vetoPresent > 0
      ? 'veto'
      : byItems
        ? itemsMet === itemCount
          ? 'pass'
          : 'fail'
        : passLine === null
          ? 'no_pass_line'
          : total >= passLine
            ? 'pass'
            : 'fail';
  return {
    dossierId,
    passLine,
    rows: indicators.map((i) => rows.get(i.id)!),
    maxScore,
    scoredTotal,
    bonusTotal: round(bonusTotal),
    total,
    vetoPresent,
    pending: roots.reduce((s, r) => s + r.pending, 0),
    byItems,
    itemCount,
    itemsMet,
    result,
  };
}

export interface SelfEvalEntry {
  score?: number | null;
  met?: boolean | null;
  vetoStatus?: VetoStatus | null;
  note?: string;
}

/** Enter one leaf's 自评: a score from 0 to the item's score, or for a veto item 已排除/存在. */
export function setSelfEvaluation(db: Db, dossierId: number, indicatorId: number, entry: SelfEvalEntry): SelfEvaluation {
  return db.transaction(() => {
    const dossier = getDossier(db, dossierId);
    const ind = getIndicator(db, indicatorId);
    if (ind.systemId !== dossier.systemId) throw new ApiError('conflict', '该指标不属于此档案所用的测评体系');
    if (db.prepare('SELECT 1 FROM indicator WHERE parent_id = ? LIMIT 1').get(indicatorId)) {
      throw new ApiError('bad_input', `“${ind.code} ${ind.title}”是大类，得分由下级指标合计，请在下级指标上自评`);
    }
    const label = `“${ind.code} ${ind.title}”`;
    if (entry.score !== undefined && entry.score !== null) {
      if (ind.kind === 'veto') throw new ApiError('bad_input', `${label}是否决项，不计分，请勾选“已排除”或“存在”`);
      if (ind.score === null) throw new ApiError('bad_input', `${label}没有分值，请选择“达标”或“未达标”，或先在测评体系中填写分值`);
      if (entry.score < 0 || entry.score > ind.score) {
        throw new ApiError('bad_input', `${label}的自评得分应在 0 到 ${ind.score} 分之间，填写的是 ${entry.score}`);
      }
    }
    if (entry.met !== undefined && entry.met !== null) {
      if (ind.kind === 'veto') throw new ApiError('bad_input', `${label}是否决项，请勾选“已排除”或“存在”`);
      if (ind.score !== null) throw new ApiError('bad_input', `${label}有分值（${ind.score} 分），请填写自评得分`);
    }
    if (entry.vetoStatus && ind.kind !== 'veto') throw new ApiError('bad_input', `${label}不是否决项，不能勾选“已排除/存在”`);
    const old = db
      .prepare('SELECT indicator_id, score, veto_status, note FROM self_evaluation WHERE dossier_id = ? AND indicator_id = ?')
      .get(dossierId, indicatorId) as EntryRow | undefined;
    const next = {
      score: entry.met !== undefined ? (entry.met === null ? null : entry.met ? 1 : 0) : entry.score === undefined ? (old?.score ?? null) : entry.score,
      vetoStatus: entry.vetoStatus === undefined ? (old?.veto_status ?? null) : entry.vetoStatus,
      note: entry.note ?? old?.note ?? '',
    };
    db.prepare(
      `INSERT INTO self_evaluation (dossier_id, indicator_id, score, veto_status, note, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (dossier_id, indicator_id) DO UPDATE SET score = excluded.score, veto_status = excluded.veto_status,
         note = excluded.note, updated_at = excluded.updated_at`,
    ).run(dossierId, indicatorId, next.score, next.vetoStatus, next.note, new Date().toISOString());
    audit(db, 'selfeval.set', 'dossier', dossierId, {
      indicatorId,
      code: ind.code,
      before: old ? { score: old.score, vetoStatus: old.veto_status, note: old.note } : null,
      after: next,
    });
    return getSelfEvaluation(db, dossierId);
  })();
}

export function setPassLine(db: Db, dossierId: number, passLine: number | null): SelfEvaluation {
  return db.transaction(() => {
    const before = getDossier(db, dossierId).passLine;
    db.prepare('UPDATE dossier SET pass_line = ? WHERE id = ?').run(passLine, dossierId);
    audit(db, 'selfeval.pass_line', 'dossier', dossierId, { before, after: passLine });
    return getSelfEvaluation(db, dossierId);
  })();
}
