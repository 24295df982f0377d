import { Alert, Button, Modal, Progress, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Dossier, ExportLeftOut, ExportPreflight, Packet } from '../../../shared/domain';
import { useReportError } from '../common/useReportError';
import { usePlatform } from '../platformContext';
import { ExportOptionsForm, type ExportChoices } from './ExportOptionsForm';
import { ExportResultView } from './ExportResultView';
import { LeftOutSummary, type JumpTarget } from './LeftOutSummary';
import { OfficeConverterLine } from './OfficeConverterLine';
import { PacketEditor } from './PacketEditor';
import { usePackets } from './usePackets';
import { useJobPolling } from './useJobPolling';

interface Props {
  dossier: Dossier;
  open: boolean;
  onClose: () => void;
  /** Go to a material or indicator the summary names (the dialog closes). */
  onJump?: (target: JumpTarget) => void;
}

const initialChoices: ExportChoices = { outDir: '', pdf: true, xlsx: true, folder: true, zip: false, online: false, gaps: true, capMb: 10 };

/** 导出迎检资料: choose the output, start the export job, follow it, show what was written. */
export function ExportDialog({ dossier, open, onClose, onJump }: Props) {
  const { api } = usePlatform();
  const reportError = useReportError();
  const [choices, setChoices] = useState<ExportChoices>(initialChoices);
  const [loadingDir, setLoadingDir] = useState(false);
  // The archive's own exports/ folder: only what is written there can be downloaded in browser mode.
  const [defaultDir, setDefaultDir] = useState('');
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  // Set when no browser can convert Word, tables, text and 会议纪要: the clerk decides.
  const [blocked, setBlocked] = useState<ExportPreflight | null>(null);
  const { job, lost } = useJobPolling(jobId);
  const packets = usePackets(dossier.id);
  // null: the whole dossier with default settings.
  const [packetId, setPacketId] = useState<number | null>(null);
  const [editing, setEditing] = useState<Packet | 'new' | null>(null);
  const packet = packets.data?.find((p) => p.id === packetId) ?? null;
  // What the chosen export leaves out, read again whenever the packet or the parts change.
  const [leftOut, setLeftOut] = useState<ExportLeftOut | null>(null);
  const { outDir, pdf, xlsx, folder, zip, online, gaps, capMb } = choices;
  useEffect(() => {
    if (!open || !outDir.trim() || (!pdf && !xlsx && !folder && !online && !gaps)) return;
    let live = true;
    const target = packetId === null ? { dossierId: dossier.id } : { packetId };
    api['packets.preflight']({ ...target, outDir: outDir.trim(), pdf, xlsx, folder, zip, online, gaps, capMb, allowPlaceholders: true })
      .then((p) => live && setLeftOut(p.leftOut))
      .catch(() => live && setLeftOut(null));
    return () => {
      live = false;
    };
  }, [open, api, dossier.id, packetId, outDir, pdf, xlsx, folder, zip, online, gaps, capMb, packets.data]);
  const running = starting || (jobId !== null && lost === null && (job === null || job.state === 'running'));

  useEffect(() => {
    if (!open) return;
    setJobId(null);
    setLoadingDir(true);
    api['packets.defaultOutDir']({ dossierId: dossier.id })
      .then((dir) => {
        setDefaultDir(dir);
        setChoices((c) => ({ ...c, outDir: dir }));
      })
      .catch((err: unknown) => reportError(err, '读取默认输出位置失败'))
      .finally(() => setLoadingDir(false));
  }, [open, api, dossier.id, reportError]);

  const start = async (allowPlaceholders = false) => {
    if (!choices.outDir.trim()) return reportError({ code: 'invalid_args', message: '请填写输出文件夹' }, '无法导出');
    if (!choices.pdf && !choices.xlsx && !choices.folder && !choices.online && !choices.gaps) {
      return reportError({ code: 'invalid_args', message: '请至少选择一种导出内容' }, '无法导出');
    }
    setStarting(true);
    try {
      const target = packetId === null ? { dossierId: dossier.id } : { packetId };
      const args = { ...target, ...choices, outDir: choices.outDir.trim(), allowPlaceholders };
      if (!allowPlaceholders) {
        const preflight = await api['packets.preflight'](args);
        if (preflight.rendererProblem) {
          setBlocked(preflight);
          return;
        }
      }
      setBlocked(null);
      const { jobId: id } = await api['packets.export'](args);
      setJobId(id);
    } catch (err) {
      reportError(err, '导出失败');
    } finally {
      setStarting(false);
    }
  };

  const cancel = () => {
    if (!jobId) return;
    api['jobs.cancel']({ jobId }).catch((err: unknown) => reportError(err, '取消导出失败'));
  };

  const finished = lost !== null || (job !== null && job.state !== 'running');
  const footer = running
    ? [
        <Button key="cancel" danger onClick={cancel} disabled={!jobId} data-testid="export-cancel">
          取消
        </Button>,
      ]
    : finished
      ? [
          <Button key="again" onClick={() => setJobId(null)}>
            重新导出
          </Button>,
          <Button key="close" type="primary" onClick={onClose}>
            完成
          </Button>,
        ]
      : [
          <Button key="close" onClick={onClose}>
            关闭
          </Button>,
          <Button key="start" type="primary" onClick={() => void start()} data-testid="export-start">
            开始导出
          </Button>,
        ];

  return (
    <Modal
      title={`导出迎检资料 — ${dossier.name}`}
      open={open}
      onCancel={running ? undefined : onClose}
      closable={!running}
      mask={{ closable: false }}
      keyboard={!running}
      footer={footer}
      width={640}
      destroyOnHidden
    >
      {jobId === null && !starting && (
        <>
          <Space style={{ marginBottom: 16 }} wrap>
            <Typography.Text>迎检资料方案：</Typography.Text>
            <Select
              data-testid="packet-select"
              style={{ width: 300 }}
              value={packetId ?? 0}
              onChange={(v) => setPacketId(v === 0 ? null : v)}
              options={[
                { value: 0, label: '全部指标和材料（默认设置）' },
                ...(packets.data ?? []).map((p) => ({ value: p.id, label: p.name })),
              ]}
            />
            <Button data-testid="packet-new" onClick={() => setEditing('new')}>
              新建方案
            </Button>
            <Button data-testid="packet-edit" disabled={!packet} onClick={() => packet && setEditing(packet)}>
              编辑方案
            </Button>
            <Button
              danger
              disabled={!packet}
              onClick={() => {
                if (!packet) return;
                api['packets.delete']({ packetId: packet.id })
                  .then(() => {
                    setPacketId(null);
                    packets.reload();
                  })
                  .catch((err: unknown) => reportError(err, '删除方案失败'));
              }}
            >
              删除方案
            </Button>
          </Space>
          <ExportOptionsForm value={choices} onChange={setChoices} loadingDir={loadingDir} />
          <OfficeConverterLine />
          {leftOut && (
            <LeftOutSummary
              leftOut={leftOut}
              onJump={(target) => {
                onClose();
                onJump?.(target);
              }}
            />
          )}
          {blocked && (
            <Alert
              style={{ marginTop: 12 }}
              type="warning"
              showIcon
              data-testid="export-renderer-problem"
              title={`有 ${blocked.needsRenderer} 份材料无法转换为 PDF`}
              description={
                <Space direction="vertical">
                  <span>{blocked.rendererProblem}</span>
                  <Space>
                    <Button size="small" onClick={() => void start(true)} data-testid="export-with-placeholders">
                      仍然导出（以说明页代替这些材料）
                    </Button>
                    <Button size="small" type="link" onClick={() => setBlocked(null)}>
                      先不导出
                    </Button>
                  </Space>
                </Space>
              }
            />
          )}
        </>
      )}
      <PacketEditor
        dossier={dossier}
        packet={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          setEditing(null);
          setPacketId(saved.id);
          packets.reload();
        }}
      />
      {running && (
        <div data-testid="export-progress" style={{ padding: '16px 0' }}>
          <Progress percent={Math.round((job?.progress ?? 0) * 100)} status="active" />
          <Typography.Text type="secondary">{job?.message || '正在准备…'}</Typography.Text>
        </div>
      )}
      {job?.kind === 'export' && job.state === 'done' && job.result && <ExportResultView result={job.result} downloadable={defaultDir !== '' && job.result.outDir === defaultDir} />}
      {job?.state === 'failed' && (
        <Alert data-testid="export-error" type="error" showIcon title="导出失败" description={job.error ?? job.message} />
      )}
      {lost !== null && (
        <Alert data-testid="export-error" type="error" showIcon title="无法读取导出进度" description={lost} />
      )}
      {job?.state === 'cancelled' && <Alert type="info" showIcon title="已取消导出" description={job.message || undefined} />}
    </Modal>
  );
}
