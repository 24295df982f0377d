import { InboxOutlined } from '@ant-design/icons';
import { Alert, Upload } from 'antd';
import { useState } from 'react';
import type { TaskOpenResult } from '../../../shared/domain';
import { useBusyAction } from '../integrity/useBusyAction';
import { usePlatform } from '../platformContext';

/**
 * A member unit opens the lead's 任务包: the first makes its 报送档案, later ones update it in
 * place. Shown in 成员单位报送 and on the first-run screen, where no dossier exists yet.
 */
export function TaskOpenDrop({ onOpened }: { onOpened: (r: TaskOpenResult) => void }) {
  const { api, filesToPaths } = usePlatform();
  const { busy, run } = useBusyAction();
  const [said, setSaid] = useState<string | null>(null);
  const open = (file: File) => {
    void run('打开任务包', async () => {
      const [path] = await filesToPaths([file]);
      const r = await api['tasks.open']({ path });
      setSaid(r.unchanged ? '此任务包已打开过，没有变化' : `${r.created ? '已建立' : '已更新'}“${r.unit}”的报送档案（第 ${r.round} 次任务包）：新增指标 ${r.indicatorsAdded} 项，更新 ${r.indicatorsUpdated} 项，审核意见 ${r.reviewsApplied} 条`);
      onOpened(r);
    });
    return false;
  };
  return (
    <>
      <Upload.Dragger accept=".dossier-task" showUploadList={false} beforeUpload={open} disabled={busy !== null} data-testid="task-upload">
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>把牵头单位的任务包（.dossier-task）拖到这里，或点击选择</p>
        <p style={{ color: '#888' }}>第一次建立本单位的报送档案；以后的任务包在原处更新，已归集的材料不会丢失</p>
      </Upload.Dragger>
      {said && <Alert data-testid="task-said" type="success" message={said} style={{ marginTop: 8 }} />}
    </>
  );
}
