import { Button, Card, Typography } from 'antd';
import { useState } from 'react';
import type { Dossier } from '../../../shared/domain';
import { useReportError } from '../common/useReportError';
import { usePlatform } from '../platformContext';
import { SystemChooser } from '../systems/SystemChooser';
import { choiceReady, resolveSystemChoice, type SystemChoice } from '../systems/systemChoice';
import { useSystemSources } from '../systems/useSystemSources';

/** A dossier created without a 测评体系 (e.g. from the command line) chooses one here. */
export function ChooseSystemCard({ dossier, onChanged }: { dossier: Dossier; onChanged: (d: Dossier) => void }) {
  const platform = usePlatform();
  const reportError = useReportError();
  const sources = useSystemSources();
  const [choice, setChoice] = useState<SystemChoice | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (!choice) return;
    setSaving(true);
    try {
      const systemId = await resolveSystemChoice(platform, choice, sources.data?.systems ?? []);
      onChanged(await platform.api['dossiers.setSystem']({ dossierId: dossier.id, systemId }));
    } catch (err) {
      reportError(err, '设置测评体系失败');
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card title="选择测评体系" style={{ maxWidth: 640, margin: '48px auto' }}>
      <Typography.Paragraph type="secondary">
        档案“{dossier.name}”还没有对照的测评体系。选择一个后，即可按指标归集材料。
      </Typography.Paragraph>
      <SystemChooser sources={sources.data} value={choice} onChange={setChoice} onImported={sources.reload} disabled={saving} />
      <Button type="primary" style={{ marginTop: 16 }} disabled={!choiceReady(choice)} loading={saving} onClick={save}>
        确定
      </Button>
    </Card>
  );
}
