import { materialFieldLabels, type AuditEntry, type MaterialFields } from '../../../shared/domain';
import type { Db } from '../archive/database';

const actionLabels: Record<string, string> = {
  add: '添加',
  update: '修改',
  link: '归入指标',
  unlink: '移出指标',
  trash: '移入回收站',
  restore: '从回收站还原',
  purge: '彻底清除',
  minutes: '填写会议纪要',
  group: '组成组照',
  group_update: '调整组照',
  ungroup: '拆分组照',
  receive: '成员单位报送',
  withdrawn: '成员单位撤回',
  'review.pass': '审核通过',
  'review.return': '审核退回',
  'review.received': '收到牵头单位审核意见',
};

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '（空）' : String(v));

function summarize(db: Db, action: string, detail: Record<string, unknown>): string {
  const label = actionLabels[action] ?? action;
  if (action === 'update' && detail.changes && typeof detail.changes === 'object') {
    const parts = Object.entries(detail.changes as Record<string, { from: unknown; to: unknown }>).map(
      ([key, c]) => `${materialFieldLabels[key as keyof MaterialFields] ?? key}：${show(c.from)} → ${show(c.to)}`,
    );
    return `${label} ${parts.join('；')}`;
  }
  if ((action === 'link' || action === 'unlink') && typeof detail.indicatorId === 'number') {
    const ind = db.prepare('SELECT code, title FROM indicator WHERE id = ?').get(detail.indicatorId) as
      | { code: string; title: string }
      | undefined;
    return `${label} ${ind ? `${ind.code} ${ind.title}` : `（指标 ${detail.indicatorId} 已删除）`}`;
  }
  if (action === 'add' && typeof detail.file === 'string') return `${label}：${detail.file}`;
  if (typeof detail.message === 'string') return `${label}：${detail.message}`;
  return label;
}

/** The audit log of one material, oldest first, in words. */
export function materialHistory(db: Db, materialId: number): AuditEntry[] {
  const rows = db
    .prepare("SELECT id, at, action, detail FROM audit_log WHERE entity = 'material' AND entity_id = ? ORDER BY id")
    .all(String(materialId)) as { id: number; at: string; action: string; detail: string }[];
  return rows.map((r) => {
    let detail: Record<string, unknown> = {};
    try {
      detail = JSON.parse(r.detail) as Record<string, unknown>;
    } catch {
      // an unreadable detail still shows its action
    }
    return { id: r.id, at: r.at, action: r.action, summary: summarize(db, r.action, detail) };
  });
}
