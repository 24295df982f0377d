import { HolderOutlined } from '@ant-design/icons';
import { Checkbox, Empty, Typography } from 'antd';
import { useState } from 'react';
import type { Indicator, Material } from '../../../shared/domain';
import { formatDate } from '../common/format';

interface Props {
  /** Chosen indicators in tree order. */
  indicators: Indicator[];
  materials: Material[];
  /** null: every material. */
  included: number[] | null;
  order: number[];
  onChange: (included: number[] | null, order: number[]) => void;
}

/** Indicator order, then the clerk's moves, then date: the order the packet will use. */
export function orderedUnder(indicator: Indicator, materials: Material[], order: number[]): Material[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  const date = (m: Material) => (/^\d{8}$/.test(m.date) ? m.date : '99999999');
  return materials
    .filter((m) => m.indicatorIds.includes(indicator.id))
    .sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity) || date(a).localeCompare(date(b)) || a.id - b.id);
}

/**
 * The materials of each chosen indicator: untick to leave one out, drag (the handle) to move it
 * within its indicator. A move saves the whole indicator's order, so it survives new materials.
 */
export function MaterialOrderList({ indicators, materials, included, order, onChange }: Props) {
  const [dragging, setDragging] = useState<{ indicatorId: number; materialId: number } | null>(null);
  const groups = indicators.map((i) => ({ indicator: i, list: orderedUnder(i, materials, order) })).filter((g) => g.list.length > 0);
  if (groups.length === 0) return <Empty description="所选指标下还没有材料" />;
  const isIncluded = (id: number) => included === null || included.includes(id);
  const toggle = (id: number, on: boolean) => {
    const all = materials.map((m) => m.id);
    const next = (included ?? all).filter((x) => x !== id).concat(on ? [id] : []);
    onChange(next.length === all.length && all.every((x) => next.includes(x)) ? null : next, order);
  };
  const drop = (indicatorId: number, list: Material[], targetId: number) => {
    if (!dragging || dragging.indicatorId !== indicatorId || dragging.materialId === targetId) return;
    const ids = list.map((m) => m.id).filter((id) => id !== dragging.materialId);
    ids.splice(ids.indexOf(targetId), 0, dragging.materialId);
    onChange(included, [...ids, ...order.filter((id) => !ids.includes(id))]);
  };
  return (
    <div data-testid="packet-materials" style={{ maxHeight: 320, overflow: 'auto' }}>
      {groups.map(({ indicator, list }) => (
        <div key={indicator.id} style={{ marginBottom: 8 }}>
          <Typography.Text strong>
            {indicator.code} {indicator.title}
          </Typography.Text>
          {list.map((m) => (
            <div
              key={m.id}
              draggable
              data-testid="packet-material"
              onDragStart={() => setDragging({ indicatorId: indicator.id, materialId: m.id })}
              onDragOver={(e) => e.preventDefault()}
              onDrop={() => drop(indicator.id, list, m.id)}
              onDragEnd={() => setDragging(null)}
              style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '2px 4px', cursor: 'grab' }}
            >
              <HolderOutlined style={{ color: '#999' }} aria-label="拖动排序" />
              <Checkbox checked={isIncluded(m.id)} onChange={(e) => toggle(m.id, e.target.checked)}>
                {m.title}
              </Checkbox>
              <Typography.Text type="secondary">{formatDate(m.date)}</Typography.Text>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
