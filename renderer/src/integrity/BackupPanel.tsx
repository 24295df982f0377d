import { CloudUploadOutlined, HistoryOutlined } from '@ant-design/icons';
import { Alert, Button, Divider, Form, Input, List, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { RestoreResult } from '../../../shared/domain';
import { formatSize } from '../common/format';
import { useQuery } from '../common/useQuery';
import { usePlatform } from '../platformContext';
import { PathLine } from './PathLine';
import { useBusyAction } from './useBusyAction';

/** 备份与恢复: back up now, see the backups kept, restore one into a new folder. */
export function BackupPanel() {
  const { api } = usePlatform();
  const { busy, run } = useBusyAction();
  const load = useCallback(() => api['backup.list']({}), [api]);
  const list = useQuery('backups', load, '无法读取备份列表');
  const [made, setMade] = useState<string | null>(null);
  const [restored, setRestored] = useState<RestoreResult | null>(null);
  const [file, setFile] = useState('');
  const [target, setTarget] = useState('');

  const backupNow = () =>
    run('备份', async () => {
      setMade((await api['backup.create']({})).file);
      list.reload();
    });
  const restore = () =>
    run('恢复', async () => {
      setRestored(null);
      setRestored(await api['backup.restore']({ file: file.trim(), targetDir: target.trim() }));
    });

  return (
    <div data-testid="backup-panel">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          备份是一个 zip 文件：数据库快照、全部原始文件和 SHA-256 清单。程序运行时每 2 小时、退出时各自动备份一次，保留最近 10 份。
        </Typography.Text>
        <Button type="primary" icon={<CloudUploadOutlined />} loading={busy === '备份'} onClick={backupNow} data-testid="backup-now">
          立即备份
        </Button>
        {made && (
          <Alert type="success" showIcon title={<>已备份到 <PathLine path={made} testId="backup-made" /></>} />
        )}
        <List
          size="small"
          header={list.data ? `备份文件夹：${list.data.dir}` : '备份'}
          dataSource={list.data?.backups ?? []}
          locale={{ emptyText: '还没有备份' }}
          renderItem={(b) => (
            <List.Item>
              <PathLine path={b.file} testId="backup-item" />
              <span style={{ color: '#888' }}>
                {b.automatic ? '自动' : '手动'} · {formatSize(b.size)}
              </span>
            </List.Item>
          )}
        />
      </Space>
      <Divider />
      <Form layout="vertical" onFinish={restore}>
        <Typography.Title level={5}>
          <HistoryOutlined /> 从备份恢复
        </Typography.Title>
        <Typography.Paragraph type="secondary">恢复到一个新的（或空的）文件夹：逐个核对每个文件的 SHA-256，完整无误才启用，再做四性检测；不会覆盖现有档案库。</Typography.Paragraph>
        <Form.Item label="备份文件（.zip）">
          <Input value={file} onChange={(e) => setFile(e.target.value)} placeholder="例如 D:\\档案备份\\备份-20240312-181500-042.zip" data-testid="restore-file" />
        </Form.Item>
        <Form.Item label="恢复到新文件夹">
          <Input value={target} onChange={(e) => setTarget(e.target.value)} placeholder="例如 D:\\恢复的档案库" data-testid="restore-target" />
        </Form.Item>
        <Button htmlType="submit" loading={busy === '恢复'} disabled={!file.trim() || !target.trim()} data-testid="restore-run">
          恢复
        </Button>
      </Form>
      {restored && (
        <Alert
          style={{ marginTop: 12 }}
          type={restored.report.ok ? 'success' : 'warning'}
          showIcon
          data-testid="restore-result"
          title={
            <>
              已恢复 {restored.filesRestored} 个文件到 <PathLine path={restored.archivePath} testId="restore-path" />，
              {restored.report.ok ? '四性检测通过' : `与备份清单一致；四性检测发现 ${restored.report.problems.filter((p) => p.severity === 'error').length} 个错误（备份时档案中已有）`}
            </>
          }
          description={`在命令行或浏览器模式中用 --archive 指定此文件夹即可打开。`}
        />
      )}
    </div>
  );
}
