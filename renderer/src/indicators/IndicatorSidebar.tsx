import { AppstoreOutlined, AuditOutlined, BranchesOutlined, TeamOutlined } from '@ant-design/icons';
import { Checkbox, Empty, Menu, Skeleton } from 'antd';
import { useMemo, useState } from 'react';
import type { CoverageRow, Dossier, Indicator } from '../../../shared/domain';
import { deferred, OnceOpened } from '../common/deferred';
import { useAfterFirstPaint } from '../common/useAfterFirstPaint';
import { filterByUnit } from '../units/filterByUnit';
import { UnitFilter } from '../units/UnitFilter';
import { CoverageSummary } from './CoverageSummary';
import { IndicatorTree } from './IndicatorTree';
import { withAncestors } from './indicatorTree';

const UnitsDialog = deferred(() => import('../units/UnitsDialog').then((m) => m.UnitsDialog));
const NewCycleDialog = deferred(() => import('../dossiers/NewCycleDialog').then((m) => m.NewCycleDialog));

export type MainView = 'materials' | 'selfeval';

interface Props {
  dossier: Dossier;
  indicators: Indicator[] | undefined;
  coverage: Map<number, CoverageRow>;
  coverageRows: CoverageRow[];
  selectedId: number | null;
  onSelect: (id: number | null) => void;
  view: MainView;
  onView: (view: MainView) => void;
  /** 复核 made a new dossier: switch to it. */
  onNewDossier: (dossier: Dossier) => void;
  /** Indicators were assigned to units in bulk: reload the tree. */
  onIndicatorsChanged?: () => void;
}

/** Left side: overall coverage, 全部材料 / 自评 / 责任单位 / 复核, the unit filter and the indicator tree. */
export function IndicatorSidebar({ dossier, indicators, coverage, coverageRows, selectedId, onSelect, view, onView, onNewDossier, onIndicatorsChanged }: Props) {
  const [unit, setUnit] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'units' | 'cycle' | null>(null);
  const [missingOnly, setMissingOnly] = useState(false);
  const shown = useMemo(() => {
    if (!indicators) return undefined;
    const byUnit = filterByUnit(indicators, unit);
    return missingOnly ? withAncestors(byUnit, (i) => coverage.get(i.id)?.missing === true) : byUnit;
  }, [indicators, unit, missingOnly, coverage]);
  // The tree and its filters are drawn just after the screen's first frame: the list comes first.
  const painted = useAfterFirstPaint();
  const selectedKey = view === 'selfeval' ? 'selfeval' : selectedId === null ? 'all' : '';
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <CoverageSummary rows={coverageRows} onJump={onSelect} />
      <Menu
        mode="inline"
        selectedKeys={[selectedKey]}
        onClick={({ key }) => {
          if (key === 'all') onSelect(null);
          else if (key === 'selfeval') onView('selfeval');
          else setDialog(key as 'units' | 'cycle');
        }}
        style={{ borderInlineEnd: 'none' }}
        items={[
          { key: 'all', icon: <AppstoreOutlined />, label: <span data-testid="all-materials">全部材料</span> },
          { key: 'selfeval', icon: <AuditOutlined />, label: <span data-testid="open-selfeval">自评</span> },
          { key: 'units', icon: <TeamOutlined />, label: <span data-testid="open-units">责任单位</span> },
          { key: 'cycle', icon: <BranchesOutlined />, label: <span data-testid="open-cycle">复核（复制到新测评体系）</span> },
        ]}
      />
      {painted && indicators && indicators.length > 0 && (
        <div style={{ padding: '4px 16px', display: 'flex', gap: 8, alignItems: 'center' }}>
          <div style={{ flex: 1, minWidth: 0 }}>
            <UnitFilter indicators={indicators} value={unit} onChange={setUnit} />
          </div>
          <Checkbox checked={missingOnly} onChange={(e) => setMissingOnly(e.target.checked)} data-testid="missing-only">
            只看缺项
          </Checkbox>
        </div>
      )}
      <div style={{ flex: 1, overflow: 'auto', padding: '4px 8px 16px' }}>
        {shown === undefined || !painted ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : shown.length === 0 ? (
          <Empty
            description={missingOnly ? '没有缺少材料的指标' : unit ? `没有由“${unit}”负责的指标` : '测评体系中没有指标'}
          />
        ) : (
          <IndicatorTree indicators={shown} coverage={coverage} selectedId={selectedId} onSelect={onSelect} />
        )}
      </div>
      <OnceOpened open={dialog === 'units'}>
        <UnitsDialog open={dialog === 'units'} onClose={() => setDialog(null)} dossier={dossier} onAssigned={onIndicatorsChanged} />
      </OnceOpened>
      <OnceOpened open={dialog === 'cycle'}>
        <NewCycleDialog dossier={dossier} open={dialog === 'cycle'} onClose={() => setDialog(null)} onCreated={onNewDossier} />
      </OnceOpened>
    </div>
  );
}
