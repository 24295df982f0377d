import { FolderAddOutlined, InboxOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import type { Dossier } from '../../../shared/domain';
import { TaskOpenDrop } from '../reporting/TaskOpenDrop';
import { CreateDossierForm } from './CreateDossierForm';

interface Props {
  firstRun: boolean;
  onCreated: (dossier: Dossier) => void;
  onCancel?: () => void;
  /** A member unit opened a 任务包: its 报送档案 was made (or updated). */
  onTaskOpened: (dossierId: number) => void;
}

/** The screen shown when there is no dossier yet, or when the clerk starts a new one. */
export function CreateDossierScreen({ firstRun, onCreated, onCancel, onTaskOpened }: Props) {
  return (
    <div style={{ minHeight: '100vh', background: '#f0f2f5', display: 'flex', justifyContent: 'center', padding: '48px 16px' }}>
      <div style={{ width: 640, maxWidth: '100%' }}>
        <Typography.Title level={2} style={{ marginBottom: 4 }}>
          创建档案管家
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {firstRun
            ? '欢迎使用。先新建一份创建档案：填写名称和单位，选择要对照的测评体系，之后即可按指标归集文件、照片和会议纪要，并导出迎检资料。'
            : '新建一份创建档案，并选择要对照的测评体系。'}
        </Typography.Paragraph>
        <Card
          title={
            <span>
              <FolderAddOutlined /> 新建档案
            </span>
          }
        >
          <CreateDossierForm onCreated={onCreated} onCancel={onCancel} />
        </Card>
        <Card
          style={{ marginTop: 16 }}
          data-testid="first-run-task"
          title={
            <span>
              <InboxOutlined /> 成员单位：打开牵头单位的任务包
            </span>
          }
        >
          <TaskOpenDrop onOpened={(r) => onTaskOpened(r.dossierId)} />
        </Card>
      </div>
    </div>
  );
}
