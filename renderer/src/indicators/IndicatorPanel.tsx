import type { CoverageRow, Indicator } from '../../../shared/domain';
import { deferred, OnceOpened } from '../common/deferred';
import { IndicatorActions } from './IndicatorActions';
import { IndicatorDetails } from './IndicatorDetails';
import { subtreeIds } from './indicatorTree';
import { useIndicatorEditing } from './useIndicatorEditing';

// The dialogs load when first opened: selecting an item only shows its details.
const IndicatorEditor = deferred(() => import('./IndicatorEditor').then((m) => m.IndicatorEditor));
const PickIndicatorDialog = deferred(() => import('./PickIndicatorDialog').then((m) => m.PickIndicatorDialog));

interface Props {
  indicator: Indicator;
  indicators: Indicator[];
  coverage: CoverageRow | undefined;
  /** The tree changed: reload it, and select `selectId` when given (null: nothing). */
  onChanged: (selectId?: number | null) => void;
}

/** The selected item: its details, the edit actions, and their dialogs. */
export function IndicatorPanel({ indicator, indicators, coverage, onChanged }: Props) {
  const editing = useIndicatorEditing(indicators, onChanged);
  const siblings = indicators.filter((i) => i.parentId === indicator.parentId).sort((a, b) => a.position - b.position);
  const subtree = (id: number) => subtreeIds(indicators, id) ?? new Set([id]);
  return (
    <>
      <IndicatorActions
        indicator={indicator}
        isFirst={siblings[0]?.id === indicator.id}
        isLast={siblings.at(-1)?.id === indicator.id}
        onAction={(action) => editing.act(indicator, action)}
      />
      <IndicatorDetails indicator={indicator} coverage={coverage} />
      <OnceOpened open={editing.editTarget !== null}>
        <IndicatorEditor
          target={editing.editTarget}
          onClose={() => editing.setEditTarget(null)}
          onSaved={(saved) => {
            editing.setEditTarget(null);
            onChanged(saved.id);
          }}
        />
      </OnceOpened>
      <OnceOpened open={editing.moving !== null}>
        <PickIndicatorDialog
          open={editing.moving !== null}
          title={`把“${editing.moving?.title ?? ''}”移到…之下`}
          indicators={indicators}
          excluded={editing.moving ? subtree(editing.moving.id) : new Set()}
          allowTop
          okText="移动"
          busy={editing.busy}
          onPick={(id) => void editing.moveTo(id)}
          onCancel={() => editing.setMoving(null)}
          testId="move-target"
        />
      </OnceOpened>
      <OnceOpened open={editing.deleting !== null}>
        <PickIndicatorDialog
          open={editing.deleting !== null}
          title="先移走材料，再删除"
          message={`${editing.deleting?.reason ?? ''}。可以选择一个指标，把这些材料移过去后再删除。`}
          indicators={indicators}
          excluded={editing.deleting ? subtree(editing.deleting.indicator.id) : new Set()}
          okText="移走材料并删除"
          busy={editing.busy}
          onPick={(id) => editing.deleting && void editing.remove(editing.deleting.indicator, id)}
          onCancel={() => editing.setDeleting(null)}
          testId="delete-move-target"
        />
      </OnceOpened>
    </>
  );
}
