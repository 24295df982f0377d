import { Button, Progress, Space, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { OcrStatus } from '../../../shared/domain';
import { usePlatform } from '../platformContext';

/** While nothing runs the status is looked at rarely; while a job reads, often enough to move the bar. */
const IDLE_MS = 5000;
const RUNNING_MS = 1000;

/** The background OCR job in the top bar: its progress and 取消 (what was read is kept). */
export function OcrProgress() {
  const { api } = usePlatform();
  const [status, setStatus] = useState<OcrStatus | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await api['ocr.status']({});
        if (stopped) return;
        setStatus(next);
        timer = setTimeout(poll, next.job?.state === 'running' ? RUNNING_MS : IDLE_MS);
      } catch {
        if (!stopped) timer = setTimeout(poll, IDLE_MS); // a busy archive: the next look will do
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api]);

  const job = status?.job;
  if (!status || (job?.state !== 'running' && status.pending === 0)) return null;
  if (job?.state !== 'running') {
    return (
      <Tooltip title="再次打开档案或导入新文件时继续识别">
        <Typography.Text type="secondary" data-testid="ocr-pending">
          {status.pending} 份扫描件待识别
        </Typography.Text>
      </Tooltip>
    );
  }
  return (
    <Space size={6} data-testid="ocr-progress">
      <Tooltip title={job.message}>
        <Typography.Text type="secondary">文字识别</Typography.Text>
      </Tooltip>
      <Progress percent={Math.round(job.progress * 100)} size="small" style={{ width: 90, margin: 0 }} />
      <Button size="small" onClick={() => void api['jobs.cancel']({ jobId: job.id })} data-testid="ocr-cancel">
        取消
      </Button>
    </Space>
  );
}
