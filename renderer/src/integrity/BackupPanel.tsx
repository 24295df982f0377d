import { CloudUploadOutlined, HistoryOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Divider, Form, List, Modal, Space, Typography, Upload } from 'antd';
import { useCallback, useState } from 'react';
import type { BackupInfo, RestoreResult } from '../../../shared/domain';
import { baseName, formatSize } from '../common/format';
import { useQuery } from '../common/useQuery';
import { usePlatform } from '../platformContext';
import { PathLine } from './PathLine';
import { RestoreTargetField } from './RestoreTargetField';
import { useBusyAction } from './useBusyAction';

/** 备份与恢复: back up now, see the backups kept, restore one from its row or from another file. */
export function BackupPanel() {
  const platform = usePlatform();
  const { api } = platform;
  const { busy, run } = useBusyAction();
  const load = useCallback(() => api['backup.list']({}), [api]);
  const list = useQuery('backups', load, '无法读取备份列表');
  const [made, setMade] = useState<string | null>(null);
  const [restored, setRestored] = useState<RestoreResult | null>(null);
  // The backup about to be restored (confirmation open), and where to.
  const [confirming, setConfirming] = useState<string | null>(null);
  const [target, setTarget] = useState('');

  const backupNow = () =>
    run('备份', async () => {
      setMade((await api['backup.create']({})).file);
      list.reload();
    });
  const restore = (file: string) =>
    run('恢复', async () => {
      setConfirming(null);
      setRestored(null);
      setRestored(await api['backup.restore']({ file, ...(target.trim() ? { targetDir: target.trim() } : {}) }));
    });
  const ask = (file: string) => {
    setTarget('');
    setConfirming(file);
  };
  // Another backup file (from a USB disk …): the desktop dialog, or the browser's picker, which uploads it.
  const pickOther = () =>
    void platform.pickFiles?.().then((paths) => {
      const zip = paths.find((p) => /\.zip$/i.test(p));
      if (zip) ask(zip);
    });
  const uploadOther = (file: File) => {
    void run('读取备份文件', async () => {
      const [path] = await platform.filesToPaths([file]);
      ask(path);
    });
    return false;
  };

  return (
    <div data-testid="backup-panel">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          备份是一个 zip 文件：数据库快照、全部原始文件和 SHA-256 清单。程序运行时每 2 小时、退出时各自动备份一次，保留最近 10 份。
        </Typography.Text>
        <Button type="primary" icon={<CloudUploadOutlined />} loading={busy === '备份'} onClick={backupNow} data-testid="backup-now">
          立即备份
        </Button>
        {made && <Alert type="success" showIcon title={<>已备份到 <PathLine path={made} testId="backup-made" /></>} />}
        <List
          size="small"
          header={list.data ? `备份文件夹：${list.data.dir}` : '备份'}
          dataSource={list.data?.backups ?? []}
          locale={{ emptyText: '还没有备份' }}
          renderItem={(b: BackupInfo) => (
            <List.Item
              data-testid="backup-row"
              actions={[
                <Button key="restore" size="small" icon={<HistoryOutlined />} disabled={busy !== null} onClick={() => ask(b.file)} data-testid="backup-restore">
                  恢复
                </Button>,
              ]}
            >
              <PathLine path={b.file} testId="backup-item" />
              <span style={{ color: '#888' }}>
                {b.automatic ? '自动' : '手动'} · {formatSize(b.size)}
              </span>
            </List.Item>
          )}
        />
      </Space>
      <Divider />
      <Typography.Title level={5}>
        <HistoryOutlined /> 从其他备份文件恢复
      </Typography.Title>
      <Typography.Paragraph type="secondary">恢复到一个新的（或空的）文件夹：逐个核对每个文件的 SHA-256，完整无误才启用，再做四性检测；不会覆盖现有档案库。</Typography.Paragraph>
      {platform.pickFiles ? (
        <Button icon={<UploadOutlined />} onClick={pickOther} disabled={busy !== null} data-testid="restore-pick">
          选择备份文件（.zip）…
        </Button>
      ) : (
        <Upload accept=".zip" showUploadList={false} beforeUpload={uploadOther} disabled={busy !== null}>
          <Button icon={<UploadOutlined />} loading={busy === '读取备份文件'} data-testid="restore-pick">
            选择备份文件（.zip）…
          </Button>
        </Upload>
      )}
      <Modal
        open={confirming !== null}
        title="从备份恢复"
        okText="恢复"
        cancelText="取消"
        onOk={() => confirming && void restore(confirming)}
        onCancel={() => setConfirming(null)}
        okButtonProps={{ loading: busy === '恢复', ...{ 'data-testid': 'restore-run' } }}
        destroyOnHidden
      >
        <Typography.Paragraph>
          恢复备份“{confirming ? baseName(confirming) : ''}”？恢复到一个新文件夹，现有档案库不会被改动。
        </Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label="恢复到">
            <RestoreTargetField value={target} onChange={setTarget} />
          </Form.Item>
        </Form>
      </Modal>
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
