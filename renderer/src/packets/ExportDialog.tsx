import { Alert, Button, Modal, Progress, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Dossier } from '../../../shared/domain';
import { useReportError } from '../common/useReportError';
import { usePlatform } from '../platformContext';
import { ExportOptionsForm, type ExportChoices } from './ExportOptionsForm';
import { ExportResultView } from './ExportResultView';
import { useJobPolling } from './useJobPolling';

interface Props {
  dossier: Dossier;
  open: boolean;
  onClose: () => void;
}

const initialChoices: ExportChoices = { outDir: '', pdf: true, xlsx: true, folder: true };

/** 导出迎检资料: choose the output, start the export job, follow it, show what was written. */
export function ExportDialog({ dossier, open, onClose }: Props) {
  const { api } = usePlatform();
  const reportError = useReportError();
  const [choices, setChoices] = useState<ExportChoices>(initialChoices);
  const [loadingDir, setLoadingDir] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const { job, lost } = useJobPolling(jobId);
  const running = starting || (jobId !== null && lost === null && (job === null || job.state === 'running'));

  useEffect(() => {
    if (!open) return;
    setJobId(null);
    setLoadingDir(true);
    api['packets.defaultOutDir']({ dossierId: dossier.id })
      .then((dir) => setChoices((c) => ({ ...c, outDir: dir })))
      .catch((err: unknown) => reportError(err, '读取默认输出位置失败'))
      .finally(() => setLoadingDir(false));
  }, [open, api, dossier.id, reportError]);

  const start = async () => {
    if (!choices.outDir.trim()) return reportError({ code: 'invalid_args', message: '请填写输出文件夹' }, '无法导出');
    if (!choices.pdf && !choices.xlsx && !choices.folder) {
      return reportError({ code: 'invalid_args', message: '请至少选择一种导出内容' }, '无法导出');
    }
    setStarting(true);
    try {
      const { jobId: id } = await api['packets.export']({ dossierId: dossier.id, ...choices, outDir: choices.outDir.trim() });
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
          <Button key="start" type="primary" onClick={start} data-testid="export-start">
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
      {jobId === null && !starting && <ExportOptionsForm value={choices} onChange={setChoices} loadingDir={loadingDir} />}
      {running && (
        <div data-testid="export-progress" style={{ padding: '16px 0' }}>
          <Progress percent={Math.round((job?.progress ?? 0) * 100)} status="active" />
          <Typography.Text type="secondary">{job?.message || '正在准备…'}</Typography.Text>
        </div>
      )}
      {job?.kind === 'export' && job.state === 'done' && job.result && <ExportResultView result={job.result} />}
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
