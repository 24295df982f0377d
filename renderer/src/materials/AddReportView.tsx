import { Alert, Typography } from 'antd';
import { baseName } from '../common/format';
import type { AddOutcome } from './useAddMaterials';

/** What happened to every file of the last batch: added, already there, or refused and why. */
export function AddReportView({ outcome, onClose }: { outcome: AddOutcome; onClose: () => void }) {
  const { added, duplicates, failed } = outcome.report;
  const notices = added.filter((a) => a.notice);
  const parts = [`已添加 ${added.length} 份材料`];
  if (duplicates.length) parts.push(`${duplicates.length} 个文件已在档案中`);
  if (failed.length) parts.push(`${failed.length} 个文件未能添加`);
  const type = failed.length ? (added.length || duplicates.length ? 'warning' : 'error') : duplicates.length ? 'info' : 'success';
  return (
    <Alert
      data-testid="add-report"
      type={type}
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 12 }}
      title={`${parts.join('，')}（归入：${outcome.target}）`}
      description={
        duplicates.length || failed.length || notices.length ? (
          <div style={{ maxHeight: 200, overflow: 'auto' }}>
            {failed.length > 0 && (
              <>
                <Typography.Text strong>未能添加：</Typography.Text>
                <ul style={{ margin: '2px 0 6px', paddingLeft: 20 }} data-testid="add-report-failed">
                  {failed.map((f, i) => (
                    <li key={`f${i}`}>
                      <Typography.Text code>{baseName(f.path)}</Typography.Text>：{f.reason}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {notices.length > 0 && (
              <>
                <Typography.Text strong>已添加，请留意：</Typography.Text>
                <ul style={{ margin: '2px 0 6px', paddingLeft: 20 }} data-testid="add-report-notices">
                  {notices.map((a, i) => (
                    <li key={`n${i}`}>
                      <Typography.Text code>{baseName(a.path)}</Typography.Text>：{a.notice}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {duplicates.length > 0 && (
              <>
                <Typography.Text strong>已存在，未重复保存：</Typography.Text>
                <ul style={{ margin: '2px 0 0', paddingLeft: 20 }} data-testid="add-report-duplicates">
                  {duplicates.map((d, i) => (
                    <li key={`d${i}`}>
                      <Typography.Text code>{baseName(d.path)}</Typography.Text>：{d.message}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        ) : undefined
      }
    />
  );
}
