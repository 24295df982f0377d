import { Button, Progress, Typography } from 'antd';
import type { AddPhase } from './useAddMaterials';

/** Progress of the batch being added: uploading (browser mode), then filing, with 取消. */
export function AddProgress({ phase, onCancel }: { phase: AddPhase; onCancel: () => void }) {
  if (phase.step === 'idle') return null;
  const uploading = phase.step === 'uploading';
  const percent = Math.round((uploading ? phase.done / Math.max(phase.total, 1) : phase.progress) * 100);
  return (
    <div
      data-testid="add-progress"
      style={{ padding: '8px 12px', background: '#f5f9ff', border: '1px solid #d6e4ff', borderRadius: 6, marginBottom: 12 }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 12 }}>
        <Typography.Text data-testid="add-progress-text">
          {uploading
            ? `正在上传文件（${phase.done}/${phase.total}）…`
            : `正在归档 ${phase.total} 个文件：${phase.message || '计算校验值、识别页数、生成缩略图…'}`}
        </Typography.Text>
        <Button size="small" onClick={onCancel} data-testid="add-cancel">
          取消
        </Button>
      </div>
      <Progress percent={percent} status="active" size="small" />
    </div>
  );
}
