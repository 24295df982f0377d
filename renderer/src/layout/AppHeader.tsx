import { ExportOutlined, FolderOpenTwoTone, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import type { Dossier } from '../../../shared/domain';
import { DossierSwitcher } from '../dossiers/DossierSwitcher';
import { SearchBox } from '../search/SearchBox';
import { OcrProgress } from './OcrProgress';

interface Props {
  dossier: Dossier;
  dossiers: Dossier[];
  query: string;
  onSearch: (query: string) => void;
  onSwitch: (id: number) => void;
  onCreate: () => void;
  onExport: () => void;
  onIntegrity?: () => void;
  onReporting?: () => void;
}

/** Top bar: product name, the dossier, search and export. */
export function AppHeader({ dossier, dossiers, query, onSearch, onSwitch, onCreate, onExport, onIntegrity, onReporting }: Props) {
  return (
    <div
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 16,
        height: 56,
        padding: '0 16px',
        background: '#fff',
        borderBottom: '1px solid #e8e8e8',
      }}
    >
      <Space size={8} style={{ flex: 'none' }}>
        <FolderOpenTwoTone style={{ fontSize: 22 }} />
        <Typography.Text strong style={{ fontSize: 16 }}>
          创建档案管家
        </Typography.Text>
      </Space>
      <DossierSwitcher dossiers={dossiers} currentId={dossier.id} onSwitch={onSwitch} onCreate={onCreate} />
      <div style={{ flex: 1 }} />
      <OcrProgress />
      <SearchBox query={query} onSearch={onSearch} />
      {onReporting && (
        <Button icon={<TeamOutlined />} onClick={onReporting} data-testid="reporting-button">
          成员单位报送
        </Button>
      )}
      {onIntegrity && (
        <Button icon={<SafetyCertificateOutlined />} onClick={onIntegrity} data-testid="integrity-button">
          四性检测与备份
        </Button>
      )}
      <Button type="primary" icon={<ExportOutlined />} onClick={onExport} data-testid="export-button">
        导出迎检资料
      </Button>
    </div>
  );
}
