import { DeleteOutlined, FileTextOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Indicator, Material } from '../../../shared/domain';
import { useGlobalKeys } from '../layout/useGlobalKeys';
import { useReportError } from '../common/useReportError';
import { deferred, OnceOpened, preloadWhenIdle } from '../common/deferred';
import { BulkBarPending } from './BulkBarFrame';
import { AddMaterialsButton } from './AddMaterialsButton';
import { AddProgress } from './AddProgress';
import { AddReportView } from './AddReportView';
import { MaterialDropZone } from './MaterialDropZone';
import { MaterialList } from './MaterialList';
import type { AddTarget, useAddMaterials } from './useAddMaterials';
import { defaultOrder, useMaterialWindow, type ListOrder } from './useMaterialWindow';
import { useBulkDone } from './useBulkDone';
import { usePlatform } from '../platformContext';

// Bulk actions load with the first selection.
const BulkBar = deferred(() => import('./BulkBar').then((m) => m.BulkBar));
const MaterialDrawer = deferred(() => import('./MaterialDrawer').then((m) => m.MaterialDrawer));
const MinutesFormModal = deferred(() => import('../minutes/MinutesFormModal').then((m) => m.MinutesFormModal));
const TrashModal = deferred(() => import('./TrashModal').then((m) => m.TrashModal));

interface Props {
  dossierId: number;
  /** The indicator whose materials are shown and receive new files; null: 全部材料. */
  indicator: Indicator | null;
  indicators: Map<number, Indicator>;
  /** The indicator has items below it: show what is filed under any of them. */
  isCategory: boolean;
  adder: ReturnType<typeof useAddMaterials>;
  refreshKey: number;
  /** Something changed (edit, link, delete): reload lists and coverage. */
  onChanged?: () => void;
  /** The material open in the drawer, kept by the screen in the URL so that a reload reopens it. */
  openId: number | null;
  onOpenId: (id: number | null) => void;
}

/** The material area: add by button or drop, progress, the last batch's result, and the list. */
export function MaterialsPanel({ dossierId, indicator, indicators, isCategory, adder, refreshKey, onChanged, openId, onOpenId: setOpenId }: Props) {
  const reportError = useReportError();
  const [localKey, setLocalKey] = useState(0);
  const [order, setOrder] = useState<ListOrder>(defaultOrder);
  const materials = useMaterialWindow(dossierId, indicator?.id ?? null, isCategory, order, refreshKey + localKey);
  const [selectedIds, setSelectedIds] = useState<number[]>([]);
  const [minutes, setMinutes] = useState<{ open: boolean; material: Material | null }>({ open: false, material: null });
  const [trashOpen, setTrashOpen] = useState(false);
  // Ready before the first selection or open, so neither waits for its code under the clerk's click.
  useEffect(() => preloadWhenIdle([BulkBar, MaterialDrawer]), []);
  const changed = useCallback(() => {
    setLocalKey((k) => k + 1);
    onChanged?.();
  }, [onChanged]);
  const target: AddTarget = {
    dossierId,
    indicatorId: indicator?.id ?? null,
    label: indicator ? `${indicator.code} ${indicator.title}` : '全部材料（未归入指标）',
  };
  const busy = adder.phase.step !== 'idle';
  const count = materials.entries?.length;
  const allPhotos = useMemo(
    () => selectedIds.every((id) => materials.kindOf.get(id) === 'photo'),
    [materials.kindOf, selectedIds],
  );
  const paging = useMemo(() => ({ need: materials.need, order, onOrder: setOrder }), [materials.need, order]);
  const openMaterial = useCallback((m: Material) => setOpenId(m.id), [setOpenId]);
  // Keyboard: Ctrl+A selects the list, Del moves the selection to the 回收站 (asked first), Enter
  // opens the one selected material.
  const { api } = usePlatform();
  const { modal } = App.useApp();
  const bulkDone = useBulkDone(dossierId, changed);
  useGlobalKeys({
    selectAll: () => setSelectedIds((materials.entries ?? []).map((e) => e.id)),
    delete: () => {
      const ids = selectedIds;
      if (ids.length === 0) return;
      modal.confirm({
        title: `将 ${ids.length} 份材料移入回收站？`,
        content: '可在回收站中还原',
        okText: '删除',
        okButtonProps: { danger: true },
        cancelText: '取消',
        onOk: () =>
          api['materials.trash']({ materialIds: ids }).then(
            () => {
              bulkDone(`已将 ${ids.length} 份材料移入回收站`);
              setSelectedIds([]);
              changed();
            },
            (err: unknown) => reportError(err, '删除失败'),
          ),
      });
    },
    open: () => {
      if (selectedIds.length === 1) setOpenId(selectedIds[0]);
    },
  });

  return (
    <Card
      data-testid="materials-panel"
      size="small"
      style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}
      styles={{ body: { flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', gap: 8 } }}
      title={
        <Space>
          <span>{!indicator ? '全部材料' : isCategory ? '本类及下属指标的材料' : '本项材料'}</span>
          {count !== undefined && (
            <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
              {count} 份
            </Typography.Text>
          )}
        </Space>
      }
      extra={
        <Space>
          <Button icon={<DeleteOutlined />} onClick={() => setTrashOpen(true)} data-testid="open-trash">
            回收站
          </Button>
          <Button icon={<FileTextOutlined />} onClick={() => setMinutes({ open: true, material: null })} data-testid="new-minutes">
            新建会议纪要
          </Button>
          <AddMaterialsButton
            busy={busy}
            onFiles={(files) => void adder.addFiles(target, files)}
            onPaths={(paths) => void adder.addPickedPaths(target, paths)}
            onError={(err) => reportError(err, '选择文件失败')}
          />
        </Space>
      }
    >
      <AddProgress phase={adder.phase} onCancel={adder.cancel} />
      {adder.outcome && <AddReportView outcome={adder.outcome} onClose={adder.clearOutcome} />}
      <MaterialDropZone
        busy={busy}
        targetLabel={indicator ? target.label : null}
        onFiles={(files) => void adder.addFiles(target, files)}
      />
      <OnceOpened open={selectedIds.length > 0} fallback={<BulkBarPending count={selectedIds.length} />}>
          <BulkBar
            dossierId={dossierId}
            selectedIds={selectedIds}
            allPhotos={allPhotos}
            indicator={indicator && !isCategory ? indicator : null}
            indicators={indicators}
            onDone={(groupId) => {
              // A new 组照 is opened in the drawer, not appended silently somewhere in the list; it is
              // not left selected, so that the next action does not take it along unnoticed.
              setSelectedIds([]);
              if (groupId !== undefined) setOpenId(groupId);
              changed();
            }}
          />
      </OnceOpened>
      {/* The table fills the panel and scrolls by itself: the page around it does not scroll. */}
      <div style={{ flex: 1, minHeight: 240 }}>
        <MaterialList
          materials={materials.entries ?? []}
          paging={paging}
          loading={materials.loading}
          indicators={indicator && !isCategory ? undefined : indicators}
          emptyText={
            order.kinds.length > 0
              ? '没有符合筛选条件的材料'
              : indicator
                ? '本项还没有材料：点击“添加材料”，或把文件拖到上方'
                : '档案中还没有材料'
          }
          selectedIds={selectedIds}
          onSelect={setSelectedIds}
          onOpen={openMaterial}
          fill
        />
      </div>
      <OnceOpened open={openId !== null}>
        <MaterialDrawer
          materialId={openId}
          onClose={() => setOpenId(null)}
          onChanged={changed}
          onEditMinutes={(m) => setMinutes({ open: true, material: m })}
          indicators={indicators}
        />
      </OnceOpened>
      <OnceOpened open={minutes.open}>
        <MinutesFormModal
          open={minutes.open}
          dossierId={dossierId}
          material={minutes.material}
          indicatorId={indicator?.id ?? null}
          onClose={() => setMinutes({ open: false, material: null })}
          onSaved={(m) => {
            setMinutes({ open: false, material: null });
            setOpenId(m.id);
            changed();
          }}
        />
      </OnceOpened>
      <OnceOpened open={trashOpen}>
        <TrashModal dossierId={dossierId} open={trashOpen} onClose={() => setTrashOpen(false)} onChanged={changed} />
      </OnceOpened>
    </Card>
  );
}
