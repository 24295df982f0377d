import { Table, Tag } from 'antd';
import { VERIFY_CHECK_LABELS, type VerifyProblem } from '../../../shared/domain';

/** Every finding, errors first, naming the material and the stored file. */
export function VerifyProblems({ problems }: { problems: VerifyProblem[] }) {
  const rows = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <Table<VerifyProblem>
      data-testid="verify-problems"
      size="small"
      rowKey={(p, i) => `${p.check}-${p.sha256}-${p.materialId}-${i}`}
      dataSource={rows}
      pagination={{ pageSize: 8, hideOnSinglePage: true }}
      locale={{ emptyText: '未发现问题' }}
      columns={[
        { title: '检测项', dataIndex: 'check', width: 80, render: (c: VerifyProblem['check']) => VERIFY_CHECK_LABELS[c] },
        { title: '级别', dataIndex: 'severity', width: 70, render: (s: string) => (s === 'error' ? <Tag color="error">错误</Tag> : <Tag color="warning">提示</Tag>) },
        { title: '说明', dataIndex: 'message', render: (m: string) => <span style={{ wordBreak: 'break-all' }}>{m}</span> },
      ]}
    />
  );
}
