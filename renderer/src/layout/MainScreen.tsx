import { Empty, Spin } from 'antd';
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { Dossier, SearchFilters } from '../../../shared/domain';
import { deferred, OnceOpened } from '../common/deferred';
import { IndicatorPanel } from '../indicators/IndicatorPanel';
import { IndicatorSidebar, type MainView } from '../indicators/IndicatorSidebar';
import { useCoverage } from '../indicators/useCoverage';
import { useIndicators } from '../indicators/useIndicators';
import { IndicatorDropTarget } from '../materials/IndicatorDropTarget';
import { MaterialsPanel } from '../materials/MaterialsPanel';
import { useAddMaterials } from '../materials/useAddMaterials';
import { AppHeader } from './AppHeader';
import { useGlobalKeys } from './useGlobalKeys';
import { readViewHash, writeViewHash } from './viewHash';

// Loaded when first shown: the start of the app needs only the tree and the material list.
const ChooseSystemCard = deferred(() => import('../dossiers/ChooseSystemCard').then((m) => m.ChooseSystemCard));
const IntegrityDialog = deferred(() => import('../integrity/IntegrityDialog').then((m) => m.IntegrityDialog));
const ReportingDialog = deferred(() => import('../reporting/ReportingDialog').then((m) => m.ReportingDialog));
const ExportDialog = deferred(() => import('../packets/ExportDialog').then((m) => m.ExportDialog));
const SearchResults = deferred(() => import('../search/SearchResults').then((m) => m.SearchResults));
const MaterialDrawer = deferred(() => import('../materials/MaterialDrawer').then((m) => m.MaterialDrawer));
const SelfEvaluationView = deferred(() => import('../selfEvaluation/SelfEvaluationView').then((m) => m.SelfEvaluationView));

interface Props {
  dossier: Dossier;
  dossiers: Dossier[];
  onSwitch: (id: number) => void;
  onCreate: () => void;
  onDossierChanged: (dossier: Dossier) => void;
}

/** The working screen: indicator tree on the left; details, materials or search on the right. */
export function MainScreen({ dossier, dossiers, onSwitch, onCreate, onDossierChanged }: Props) {
  const indicators = useIndicators(dossier.systemId);
  const coverage = useCoverage(dossier.id);
  // The view a reload left in the URL, when it is of this dossier.
  const [initial] = useState(() => {
    const h = readViewHash();
    return h.dossierId === dossier.id ? h : null;
  });
  const [selectedId, setSelectedId] = useState<number | null>(initial?.indicatorId ?? null);
  const [query, setQuery] = useState(initial?.query ?? '');
  const [filters, setFilters] = useState<SearchFilters>(initial?.filters ?? {});
  const [exportOpen, setExportOpen] = useState(false);
  const [integrityOpen, setIntegrityOpen] = useState(false);
  const [reportingOpen, setReportingOpen] = useState(false);
  const [refreshKey, setRefreshKey] = useState(0);
  const [view, setView] = useState<MainView>(initial?.view ?? 'materials');
  // A material opened from elsewhere (the export summary, a reload), over whatever view is shown.
  const [openMaterialId, setOpenMaterialId] = useState<number | null>(initial?.materialId ?? null);
  useEffect(
    () => writeViewHash({ dossierId: dossier.id, indicatorId: selectedId, query, view, materialId: openMaterialId, filters }),
    [dossier.id, selectedId, query, view, openMaterialId, filters],
  );
  useGlobalKeys({ find: () => document.querySelector<HTMLInputElement>('[data-testid="search-box"] input')?.focus() });

  const reloadCoverage = coverage.reload;
  const onAdded = useCallback(() => {
    setRefreshKey((k) => k + 1);
    reloadCoverage();
  }, [reloadCoverage]);
  const adder = useAddMaterials(onAdded);

  const byId = useMemo(() => new Map((indicators.data ?? []).map((i) => [i.id, i])), [indicators.data]);
  const selected = selectedId === null ? null : (byId.get(selectedId) ?? null);
  // A category lists what is filed anywhere below it (the core works out the subtree).
  const isCategory = useMemo(
    () => selectedId !== null && (indicators.data ?? []).some((i) => i.parentId === selectedId),
    [indicators.data, selectedId],
  );

  // Leaving a search drops its filters: the next search starts unfiltered.
  const search = useCallback((q: string) => {
    setQuery(q);
    if (!q) setFilters({});
  }, []);

  let content;
  // The list and the search results open materials in their own drawer (with their own reloads).
  let panelDrawer = true;
  if (dossier.systemId === null) {
    content = <ChooseSystemCard dossier={dossier} onChanged={onDossierChanged} />;
    panelDrawer = false;
  } else if (view === 'selfeval' && !query) {
    content = <SelfEvaluationView dossier={dossier} />;
    panelDrawer = false;
  } else if (query) {
    content = (
      <SearchResults
        dossierId={dossier.id}
        query={query}
        indicators={byId}
        refreshKey={refreshKey}
        onClose={() => search('')}
        onChanged={onAdded}
        filters={filters}
        onFilters={setFilters}
        openId={openMaterialId}
        onOpenId={setOpenMaterialId}
      />
    );
  } else if (selectedId !== null && !selected) {
    content = <Empty description="正在读取指标…" />;
    panelDrawer = false;
  } else {
    content = (
      <>
        {selected && (
          <div style={{ background: '#fff', padding: '8px 16px', borderRadius: 8, marginBottom: 8, border: '1px solid #f0f0f0', flex: 'none' }}>
            <IndicatorPanel
              indicator={selected}
              indicators={indicators.data ?? []}
              coverage={coverage.byId.get(selected.id)}
              onChanged={(selectId) => {
                indicators.reload();
                reloadCoverage();
                if (selectId !== undefined) setSelectedId(selectId);
              }}
            />
          </div>
        )}
        <MaterialsPanel
          key={selected?.id ?? 'all'}
          dossierId={dossier.id}
          indicator={selected}
          indicators={byId}
          isCategory={isCategory}
          adder={adder}
          refreshKey={refreshKey}
          onChanged={onAdded}
          openId={openMaterialId}
          onOpenId={setOpenMaterialId}
        />
      </>
    );
  }

  return (
    <div style={{ height: '100vh', display: 'flex', flexDirection: 'column', background: '#f5f6f8' }}>
      <AppHeader
        dossier={dossier}
        dossiers={dossiers}
        query={query}
        onSearch={search}
        onSwitch={onSwitch}
        onCreate={onCreate}
        onExport={() => setExportOpen(true)}
        onIntegrity={() => setIntegrityOpen(true)}
        onReporting={() => setReportingOpen(true)}
      />
      <div style={{ flex: 1, display: 'flex', minHeight: 0 }}>
        <aside
          aria-label="测评体系"
          style={{ width: 320, flex: 'none', background: '#fff', borderRight: '1px solid #e8e8e8', minHeight: 0 }}
        >
          <IndicatorSidebar
            indicators={dossier.systemId === null ? [] : indicators.data}
            coverage={coverage.byId}
            coverageRows={coverage.data ?? []}
            dossier={dossier}
            selectedId={selectedId}
            onSelect={(id) => {
              setSelectedId(id);
              search('');
              setView('materials');
            }}
            view={view}
            onView={setView}
            onIndicatorsChanged={() => {
              indicators.reload();
              reloadCoverage();
            }}
            onNewDossier={(d) => {
              onDossierChanged(d);
              onSwitch(d.id);
            }}
          />
        </aside>
        <main style={{ flex: 1, overflow: 'auto', padding: 12, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
          <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>{content}</Suspense>
        </main>
      </div>
      <IndicatorDropTarget
        dossierId={dossier.id}
        indicators={indicators.data ?? []}
        onFiles={(target, files) => void adder.addFiles(target, files)}
        onLinked={onAdded}
      />
      <OnceOpened open={exportOpen}>
        <ExportDialog
          dossier={dossier}
          open={exportOpen}
          onClose={() => setExportOpen(false)}
          onJump={(target) => {
            if ('indicatorId' in target) {
              setSelectedId(target.indicatorId);
              search('');
              setView('materials');
            } else setOpenMaterialId(target.materialId);
          }}
        />
      </OnceOpened>
      <OnceOpened open={!panelDrawer && openMaterialId !== null}>
        <Suspense fallback={null}>
          <MaterialDrawer materialId={panelDrawer ? null : openMaterialId} onClose={() => setOpenMaterialId(null)} onChanged={onAdded} onEditMinutes={() => setOpenMaterialId(null)} indicators={byId} />
        </Suspense>
      </OnceOpened>
      <OnceOpened open={integrityOpen}>
        <IntegrityDialog open={integrityOpen} onClose={() => setIntegrityOpen(false)} />
      </OnceOpened>
      <OnceOpened open={reportingOpen}>
        <ReportingDialog
          dossier={dossier}
          open={reportingOpen}
          onClose={() => setReportingOpen(false)}
          onImported={onAdded}
          onOpened={(id) => {
            onDossierChanged(dossier);
            if (id !== dossier.id) onSwitch(id);
            else onAdded();
          }}
        />
      </OnceOpened>
    </div>
  );
}
