import { Progress, Typography } from 'antd';
import type { AddPhase } from './useAddMaterials';

/** Progress of the batch being added: uploading (browser mode), then filing into the archive. */
export function AddProgress({ phase }: { phase: AddPhase }) {
  if (phase.step === 'idle') return null;
  const uploading = phase.step === 'uploading';
  const percent = uploading ? Math.round((phase.done / Math.max(phase.total, 1)) * 100) : 100;
  return (
    <div data-testid="add-progress" style={{ padding: '8px 12px', background: '#f5f9ff', border: '1px solid #d6e4ff', borderRadius: 6, marginBottom: 12 }}>
      <Typography.Text>
        {uploading
          ? `正在上传文件（${phase.done}/${phase.total}）…`
          : `正在归档 ${phase.total} 个文件：计算校验值、识别页数、生成缩略图…`}
      </Typography.Text>
      <Progress percent={percent} status="active" size="small" showInfo={uploading} />
    </div>
  );
}
