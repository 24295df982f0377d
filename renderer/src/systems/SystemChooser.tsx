import { Empty, Radio, Skeleton, Space, Tag, Typography } from 'antd';
import type { SystemSources } from './useSystemSources';
import type { SystemChoice } from './systemChoice';
import { SystemFileImport } from './SystemFileImport';

interface Props {
  sources: SystemSources | undefined;
  value: SystemChoice | null;
  onChange: (choice: SystemChoice) => void;
  /** A file was previewed and imported: reload the list of systems. */
  onImported: () => void;
  disabled?: boolean;
}

function radioKey(choice: SystemChoice | null): string | undefined {
  if (!choice) return undefined;
  if (choice.source === 'template') return `template:${choice.templateId}`;
  if (choice.source === 'imported') return `system:${choice.systemId}`;
  return 'file';
}

/** Pick the 测评体系: a bundled sample, one already imported, or a file to import. */
export function SystemChooser({ sources, value, onChange, onImported, disabled }: Props) {
  if (!sources) return <Skeleton active paragraph={{ rows: 3 }} />;
  const fileChoice = value?.source === 'file' ? value : null;
  const select = (key: string) => {
    if (key === 'file') onChange(fileChoice ?? { source: 'file', file: null, path: null, fileName: '' });
    else if (key.startsWith('template:')) onChange({ source: 'template', templateId: key.slice('template:'.length) });
    else onChange({ source: 'imported', systemId: Number(key.slice('system:'.length)) });
  };
  return (
    <Radio.Group
      value={radioKey(value)}
      onChange={(e) => select(String(e.target.value))}
      disabled={disabled}
      style={{ width: '100%' }}
      aria-label="测评体系"
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <div>
          <Typography.Text type="secondary">内置示例</Typography.Text>
          <Space orientation="vertical" style={{ display: 'flex', marginTop: 4 }}>
            {sources.templates.length === 0 && (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有内置示例" />
            )}
            {sources.templates.map((t) => (
              <Radio key={t.id} value={`template:${t.id}`}>
                {t.name} <Tag color="blue">示例</Tag>
              </Radio>
            ))}
          </Space>
        </div>
        {sources.systems.length > 0 && (
          <div>
            <Typography.Text type="secondary">已导入的测评体系</Typography.Text>
            <Space orientation="vertical" style={{ display: 'flex', marginTop: 4 }}>
              {sources.systems.map((s) => (
                <Radio key={s.id} value={`system:${s.id}`}>
                  {s.name}
                  <Typography.Text type="secondary">（{s.indicatorCount} 项指标）</Typography.Text>
                </Radio>
              ))}
            </Space>
          </div>
        )}
        <div>
          <Radio value="file">导入测评体系文件（先预览，确认后导入）</Radio>
          {fileChoice && (
            <div style={{ marginTop: 8, marginLeft: 24 }}>
              <SystemFileImport
                disabled={disabled}
                onImported={(system) => {
                  onImported();
                  onChange({ source: 'imported', systemId: system.id });
                }}
              />
            </div>
          )}
        </div>
      </Space>
    </Radio.Group>
  );
}
