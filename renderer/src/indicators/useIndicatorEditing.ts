import { App } from 'antd';
import { useState } from 'react';
import type { Indicator } from '../../../shared/domain';
import { isApiErrorShape } from '../../../shared/errors';
import { useReportError } from '../common/useReportError';
import { usePlatform } from '../platformContext';
import type { IndicatorAction } from './IndicatorActions';
import type { EditTarget } from './IndicatorEditor';
import { indicatorLabel, subtreeIds } from './indicatorTree';
import { TOP_LEVEL } from './indicatorTreeSelect';

/**
 * The state behind the tree's edit actions: which dialog is open, and the calls they make.
 * `onChanged` reloads the tree (and selects `selectId` when given).
 */
export function useIndicatorEditing(indicators: Indicator[], onChanged: (selectId?: number | null) => void) {
  const { api } = usePlatform();
  const { modal, message } = App.useApp();
  const reportError = useReportError();
  const [editTarget, setEditTarget] = useState<EditTarget | null>(null);
  const [moving, setMoving] = useState<Indicator | null>(null);
  const [deleting, setDeleting] = useState<{ indicator: Indicator; reason: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const siblingsOf = (i: Indicator) => indicators.filter((x) => x.parentId === i.parentId).sort((a, b) => a.position - b.position);

  const call = async <T,>(work: () => Promise<T>, failTitle: string): Promise<T | undefined> => {
    setBusy(true);
    try {
      return await work();
    } catch (err) {
      reportError(err, failTitle);
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  const remove = async (indicator: Indicator, moveMaterialsTo?: number) => {
    setBusy(true);
    try {
      const result = await api['indicators.delete']({ indicatorId: indicator.id, moveMaterialsTo });
      message.success(`已删除 ${result.deleted} 项指标${result.movedLinks ? `，${result.movedLinks} 处材料归档已移到所选指标` : ''}`);
      setDeleting(null);
      onChanged(moveMaterialsTo ?? indicator.parentId);
    } catch (err) {
      // Materials are linked: offer to move them first, with the core's reason.
      if (isApiErrorShape(err) && err.code === 'conflict' && moveMaterialsTo === undefined) setDeleting({ indicator, reason: err.message });
      else reportError(err, '删除指标失败');
    } finally {
      setBusy(false);
    }
  };

  const act = (indicator: Indicator, action: IndicatorAction) => {
    const siblings = siblingsOf(indicator);
    const index = siblings.findIndex((s) => s.id === indicator.id);
    switch (action) {
      case 'edit':
        return setEditTarget({ mode: 'edit', indicator });
      case 'addChild':
        return setEditTarget({ mode: 'create', systemId: indicator.systemId, parentId: indicator.id, parentLabel: `${indicatorLabel(indicator)} 的下级` });
      case 'addSibling':
        return setEditTarget({ mode: 'create', systemId: indicator.systemId, parentId: indicator.parentId, index: index + 1, parentLabel: `${indicatorLabel(indicator)} 之后` });
      case 'up':
      case 'down':
        return void call(
          () => api['indicators.move']({ indicatorId: indicator.id, parentId: indicator.parentId, index: index + (action === 'up' ? -1 : 1) }),
          '调整顺序失败',
        ).then((moved) => moved && onChanged(moved.id));
      case 'move':
        return setMoving(indicator);
      case 'delete': {
        const below = (subtreeIds(indicators, indicator.id)?.size ?? 1) - 1;
        modal.confirm({
          title: `删除指标“${indicatorLabel(indicator)}”？`,
          content: below > 0 ? `它下面的 ${below} 项指标也会一并删除。` : '删除后不能恢复。',
          okText: '删除',
          okButtonProps: { danger: true },
          cancelText: '取消',
          onOk: () => remove(indicator),
        });
        return;
      }
    }
  };

  const moveTo = async (parentPick: number) => {
    if (!moving) return;
    const parentId = parentPick === TOP_LEVEL ? null : parentPick;
    const count = indicators.filter((i) => i.parentId === parentId && i.id !== moving.id).length;
    const moved = await call(() => api['indicators.move']({ indicatorId: moving.id, parentId, index: count }), '移动指标失败');
    if (moved) {
      setMoving(null);
      onChanged(moved.id);
    }
  };

  return { act, busy, editTarget, setEditTarget, moving, setMoving, moveTo, deleting, setDeleting, remove };
}
