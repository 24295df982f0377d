import { Typography } from 'antd';

/** A path the clerk may copy (exported report, backup file, restored archive). */
export function PathLine({ path, testId }: { path: string; testId: string }) {
  return (
    <Typography.Text data-testid={testId} data-path={path} copyable={{ text: path, tooltips: ['复制路径', '已复制'] }} style={{ wordBreak: 'break-all' }}>
      {path}
    </Typography.Text>
  );
}
