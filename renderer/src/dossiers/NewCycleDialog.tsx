import { Alert, Button, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { Dossier, NewCycleReport } from '../../../shared/domain';
import { useReportError } from '../common/useReportError';
import { usePlatform } from '../platformContext';
import { SystemChooser } from '../systems/SystemChooser';
import type { SystemChoice } from '../systems/systemChoice';
import { choiceReady, resolveSystemChoice } from '../systems/systemChoice';
import { useSystemSources } from '../systems/useSystemSources';

const MATCH_TEXT = { code_and_title: '编码与名称相同', title: '名称相同（编码已变）', code: '编码相同（名称已改）' } as const;

interface Props {
  dossier: Dossier;
  open: boolean;
  onClose: () => void;
  /** The new dossier exists: reload the list and switch to it. */
  onCreated: (dossier: Dossier) => void;
}

/** 复核: copy this dossier onto next cycle's 测评体系; see where every filed material went. */
export function NewCycleDialog({ dossier, open, onClose, onCreated }: Props) {
  const platform = usePlatform();
  const reportError = useReportError();
  const sources = useSystemSources();
  const [choice, setChoice] = useState<SystemChoice | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<NewCycleReport | null>(null);
  const run = async () => {
    if (!choice) return;
    setBusy(true);
    try {
      const systemId = await resolveSystemChoice(platform, choice, sources.data?.systems ?? []);
      setReport(await platform.api['dossiers.newCycle']({ dossierId: dossier.id, systemId, name: name.trim() || undefined }));
    } catch (err) {
      reportError(err, '复核迁移失败');
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    if (report) onCreated(report.dossier);
    setReport(null);
    onClose();
  };
  return (
    <Modal
      open={open}
      width={760}
      title={`复核：把“${dossier.name}”复制到新的测评体系`}
      onCancel={busy ? undefined : close}
      footer={
        report ? (
          <Button type="primary" onClick={close} data-testid="cycle-done">
            打开新档案
          </Button>
        ) : (
          <Space>
            <Button onClick={close}>取消</Button>
            <Button type="primary" disabled={!choiceReady(choice)} loading={busy} onClick={run} data-testid="cycle-run">
              复制并对应指标
            </Button>
          </Space>
        )
      }
    >
      {report ? (
        <div data-testid="cycle-report">
          <Alert
            type={report.linksUnmatched.length ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 12 }}
            title={`已建立“${report.dossier.name}”：复制 ${report.materials} 份材料，${report.linksMoved.length} 处归档已对应，${report.linksUnmatched.length} 处未能对应`}
          />
          {report.linksUnmatched.length > 0 && (
            <>
              <Typography.Text strong>未能对应的材料（已复制，未归入指标，请手动归档）：</Typography.Text>
              <Table size="small" rowKey={(r) => `${r.materialId}-${r.from}`} pagination={false} dataSource={report.linksUnmatched} data-testid="cycle-unmatched"
                columns={[{ title: '材料', dataIndex: 'title' }, { title: '原指标', dataIndex: 'from' }]} />
            </>
          )}
          {report.linksMoved.some((l) => l.match !== 'code_and_title') && (
            <>
              <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>请核对按名称或编码对应的材料：</Typography.Text>
              <Table size="small" rowKey={(r) => `${r.materialId}-${r.from}`} pagination={false}
                dataSource={report.linksMoved.filter((l) => l.match !== 'code_and_title')}
                columns={[{ title: '材料', dataIndex: 'title' }, { title: '原指标', dataIndex: 'from' }, { title: '新指标', dataIndex: 'to' }, { title: '依据', dataIndex: 'match', render: (m: keyof typeof MATCH_TEXT) => MATCH_TEXT[m] }]} />
            </>
          )}
        </div>
      ) : (
        <>
          <Space style={{ marginBottom: 12 }}>
            <span>新档案名称</span>
            <Input value={name} onChange={(e) => setName(e.target.value)} placeholder={`默认：${dossier.name}（新测评体系名）`} style={{ width: 420 }} aria-label="新档案名称" />
          </Space>
          <SystemChooser sources={sources.data} value={choice} onChange={setChoice} onImported={sources.reload} disabled={busy} />
        </>
      )}
    </Modal>
  );
}
