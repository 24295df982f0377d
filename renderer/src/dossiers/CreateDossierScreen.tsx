import { FolderAddOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import type { Dossier } from '../../../shared/domain';
import { CreateDossierForm } from './CreateDossierForm';

interface Props {
  firstRun: boolean;
  onCreated: (dossier: Dossier) => void;
  onCancel?: () => void;
}

/** The screen shown when there is no dossier yet, or when the clerk starts a new one. */
export function CreateDossierScreen({ firstRun, onCreated, onCancel }: Props) {
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
      </div>
    </div>
  );
}
