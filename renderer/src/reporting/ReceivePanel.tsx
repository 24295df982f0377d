import { Alert, Button, Descriptions, List, Progress, Space, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import type { ReceivedItem, SubmissionImportResult } from '../../../shared/domain';
import { useReportError } from '../common/useReportError';
import { useBusyAction } from '../integrity/useBusyAction';
import { useJobPolling } from '../packets/useJobPolling';
import { usePlatform } from '../platformContext';

const titles = (items: ReceivedItem[]) => items.map((i) => i.title).join('、') || '无';

/** 接收报送包: the bundle is checked whole and previewed; only 确认 brings its materials in (待审). */
export function ReceivePanel({ onImported }: { onImported: () => void }) {
  const { api, filesToPaths } = usePlatform();
  const { busy, run } = useBusyAction();
  const reportError = useReportError();
  const [picked, setPicked] = useState<{ path: string; name: string } | null>(null);
  const [preview, setPreview] = useState<SubmissionImportResult | null>(null);
  const [done, setDone] = useState<SubmissionImportResult | null>(null);

  const choose = (file: File) => {
    void run('检查报送包', async () => {
      setPreview(null);
      setDone(null);
      const [path] = await filesToPaths([file]);
      setPicked({ path, name: file.name });
      setPreview(await api['submissions.preview']({ path }));
    });
    return false; // never uploaded by antd itself
  };
  // Receiving runs as a job: a bundle of hundreds of photos takes minutes; 取消 stores nothing of it.
  const [jobId, setJobId] = useState<string | null>(null);
  const { job } = useJobPolling(jobId);
  const handled = useRef<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const confirm = () =>
    run('导入报送包', async () => {
      setJobId((await api['submissions.importJob']({ path: picked!.path })).id);
    });
  useEffect(() => {
    if (!job || job.kind !== 'receive' || job.state === 'running' || handled.current === job.id) return;
    handled.current = job.id;
    setJobId(null);
    if (job.state === 'done' && job.result) {
      setDone(job.result);
      setPreview(null);
      onImported();
    } else if (job.state === 'failed') {
      reportError(new Error(job.error ?? '未知原因'), '导入报送包失败');
    } else {
      setCancelled(true);
    }
  }, [job, onImported, reportError]);
  const receiving = jobId !== null;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Upload.Dragger accept=".dossier-submit" showUploadList={false} beforeUpload={choose} disabled={busy !== null} data-testid="receive-upload">
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>把成员单位的报送包（.dossier-submit）拖到这里，或点击选择</p>
        <p style={{ color: '#888' }}>先检查清单、签名和每个文件，再列出将导入的内容；确认后才写入档案</p>
      </Upload.Dragger>
      {busy === '检查报送包' && <Alert type="info" message="正在检查报送包…" />}
      {preview && picked && (
        <div data-testid="receive-preview">
          {preview.alreadyImported ? (
            <Alert type="info" message={`${picked.name} 已导入过，没有变化`} />
          ) : (
            <>
              <Descriptions size="small" column={1} bordered title={`${preview.unit} 第 ${preview.round} 次报送`}>
                <Descriptions.Item label={`新增（${preview.added.length}）`}>{titles(preview.added)}</Descriptions.Item>
                <Descriptions.Item label={`与档案中已有材料重复（${preview.duplicates.length}，只存一份）`}>{titles(preview.duplicates)}</Descriptions.Item>
                <Descriptions.Item label={`修改（${preview.changed.length}）`}>{titles(preview.changed)}</Descriptions.Item>
                <Descriptions.Item label={`不在分派范围内（${preview.outsideAssignment.length}）`}>{titles(preview.outsideAssignment)}</Descriptions.Item>
                <Descriptions.Item label={`撤回（${preview.withdrawn.length}）`}>{titles(preview.withdrawn)}</Descriptions.Item>
                <Descriptions.Item label={`双方都改过，导入后在“版本冲突”中选择（${preview.conflicts.length}）`}>{titles(preview.conflicts)}</Descriptions.Item>
                <Descriptions.Item label="未变">{preview.unchanged}</Descriptions.Item>
              </Descriptions>
              <Button type="primary" style={{ marginTop: 12 }} loading={busy === '导入报送包' || receiving} onClick={() => { setCancelled(false); void confirm(); }} data-testid="receive-confirm">
                确认导入
              </Button>
              {receiving && (
                <Space style={{ marginTop: 12, marginLeft: 12 }} data-testid="receive-progress">
                  <Progress percent={Math.round((job?.progress ?? 0) * 100)} size="small" style={{ width: 240 }} />
                  <span>{job?.message ?? '准备中'}</span>
                  <Button size="small" onClick={() => void api['jobs.cancel']({ jobId: jobId! })} data-testid="receive-cancel">
                    取消
                  </Button>
                </Space>
              )}
              {cancelled && <Alert type="info" style={{ marginTop: 12 }} data-testid="receive-cancelled" message="已取消导入，档案中没有留下此报送包的任何材料" />}
            </>
          )}
        </div>
      )}
      {done && (
        <Alert
          data-testid="receive-done"
          type={done.refused.length ? 'warning' : 'success'}
          message={`已导入：新增 ${done.added.length} 份，重复 ${done.duplicates.length} 份，修改 ${done.changed.length} 份（待审）`}
          description={done.refused.length ? <List size="small" dataSource={done.refused} renderItem={(r) => <List.Item>{`${r.originalName}：${r.reason}`}</List.Item>} /> : undefined}
        />
      )}
    </Space>
  );
}
