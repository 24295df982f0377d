import { Button, Result, Spin } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { deferred } from './common/deferred';
import { errorText } from './common/errors';
import { dropPrimed } from './common/primedQueries';
import { pickCurrentDossier } from './dossiers/currentDossier';
import { useCurrentDossierId } from './dossiers/useCurrentDossierId';
import { useDossiers } from './dossiers/useDossiers';
import { MainScreen } from './layout/MainScreen';

// The first run's screen: not parsed at every start.
const CreateDossierScreen = deferred(() => import('./dossiers/CreateDossierScreen').then((m) => m.CreateDossierScreen));

/** No dossier yet: create one. Otherwise the main screen for the current dossier. */
export function App() {
  const dossiers = useDossiers();
  const [currentId, setCurrentId] = useCurrentDossierId();
  const [creating, setCreating] = useState(false);
  const shown = dossiers.data !== undefined;
  // The screen's queries took their loads primed at start-up (layout/startupData) as they
  // mounted, just before this; what is left is never served stale.
  useEffect(() => {
    if (shown) dropPrimed();
  }, [shown]);

  if (dossiers.data === undefined && dossiers.error && !dossiers.loading) {
    return (
      <Result
        status="error"
        title="无法打开档案库"
        subTitle={errorText(dossiers.error)}
        extra={
          <Button type="primary" onClick={dossiers.reload}>
            重试
          </Button>
        }
      />
    );
  }
  const opening = (
    <div style={{ height: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" description="正在打开档案库…" />
    </div>
  );
  if (!shown) return opening;
  const list = dossiers.data!;
  if (list.length === 0 || creating) {
    return (
      <Suspense fallback={opening}>
        <CreateDossierScreen
          firstRun={list.length === 0}
          onCancel={list.length > 0 ? () => setCreating(false) : undefined}
          onCreated={(d) => {
            setCurrentId(d.id);
            setCreating(false);
            dossiers.reload();
          }}
          onTaskOpened={(id) => {
            setCurrentId(id);
            setCreating(false);
            dossiers.reload();
          }}
        />
      </Suspense>
    );
  }
  const current = pickCurrentDossier(list, currentId)!;
  return (
    <MainScreen
      key={current.id}
      dossier={current}
      dossiers={list}
      onSwitch={setCurrentId}
      onCreate={() => setCreating(true)}
      onDossierChanged={() => dossiers.reload()}
    />
  );
}
