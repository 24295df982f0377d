import { Card, Space, Typography } from 'antd';
import type { Indicator } from '../../../shared/domain';
import { useReportError } from '../common/useReportError';
import { AddMaterialsButton } from './AddMaterialsButton';
import { AddProgress } from './AddProgress';
import { AddReportView } from './AddReportView';
import { MaterialDropZone } from './MaterialDropZone';
import { MaterialList } from './MaterialList';
import type { AddTarget, useAddMaterials } from './useAddMaterials';
import { useMaterials } from './useMaterials';

interface Props {
  dossierId: number;
  /** The indicator whose materials are shown and receive new files; null: 全部材料. */
  indicator: Indicator | null;
  indicators: Map<number, Indicator>;
  /** For a category: its id and every id below it. */
  subtree: Set<number> | null;
  adder: ReturnType<typeof useAddMaterials>;
  refreshKey: number;
}

/** The material area: add by button or drop, progress, the last batch's result, and the list. */
export function MaterialsPanel({ dossierId, indicator, indicators, subtree, adder, refreshKey }: Props) {
  const reportError = useReportError();
  const materials = useMaterials(dossierId, indicator?.id ?? null, subtree, refreshKey);
  const target: AddTarget = {
    dossierId,
    indicatorId: indicator?.id ?? null,
    label: indicator ? `${indicator.code} ${indicator.title}` : '全部材料（未归入指标）',
  };
  const busy = adder.phase.step !== 'idle';
  const count = materials.data?.length;
  return (
    <Card
      data-testid="materials-panel"
      title={
        <Space>
          <span>{!indicator ? '全部材料' : subtree ? '本类及下属指标的材料' : '本项材料'}</span>
          {count !== undefined && (
            <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
              {count} 份
            </Typography.Text>
          )}
        </Space>
      }
      extra={
        <AddMaterialsButton
          busy={busy}
          onFiles={(files) => void adder.addFiles(target, files)}
          onPaths={(paths) => void adder.addPickedPaths(target, paths)}
          onError={(err) => reportError(err, '选择文件失败')}
        />
      }
    >
      <AddProgress phase={adder.phase} />
      {adder.outcome && <AddReportView outcome={adder.outcome} onClose={adder.clearOutcome} />}
      <MaterialDropZone
        busy={busy}
        targetLabel={indicator ? target.label : null}
        onFiles={(files) => void adder.addFiles(target, files)}
      />
      <div style={{ marginTop: 12 }}>
        <MaterialList
          materials={materials.data ?? []}
          loading={materials.loading}
          indicators={indicator && !subtree ? undefined : indicators}
          emptyText={indicator ? '本项还没有材料：点击“添加材料”，或把文件拖到上方' : '档案中还没有材料'}
        />
      </div>
    </Card>
  );
}
