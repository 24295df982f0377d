import { Button, Result, Spin } from 'antd';
import { errorText } from './common/errors';
import { useState } from 'react';
import { CreateDossierScreen } from './dossiers/CreateDossierScreen';
import { useCurrentDossierId } from './dossiers/useCurrentDossierId';
import { useDossiers } from './dossiers/useDossiers';
import { MainScreen } from './layout/MainScreen';

/** No dossier yet: create one. Otherwise the main screen for the current dossier. */
export function App() {
  const dossiers = useDossiers();
  const [currentId, setCurrentId] = useCurrentDossierId();
  const [creating, setCreating] = useState(false);

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
  if (dossiers.data === undefined) {
    return (
      <div style={{ height: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        <Spin size="large" description="正在打开档案库…" />
      </div>
    );
  }
  const list = dossiers.data;
  if (list.length === 0 || creating) {
    return (
      <CreateDossierScreen
        firstRun={list.length === 0}
        onCancel={list.length > 0 ? () => setCreating(false) : undefined}
        onCreated={(d) => {
          setCurrentId(d.id);
          setCreating(false);
          dossiers.reload();
        }}
      />
    );
  }
  const current = list.find((d) => d.id === currentId) ?? list[list.length - 1];
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
