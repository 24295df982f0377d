import { FileExcelOutlined, FilePdfOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import type { VerifyReport } from '../../../shared/domain';
import { baseName, localDay } from '../common/format';
import { saveReport, type SavedReport } from '../common/saveReport';
import { usePlatform } from '../platformContext';
import { PathLine } from './PathLine';
import { VerifyProblems } from './VerifyProblems';
import { VerifySections } from './VerifySections';
import { useBusyAction } from './useBusyAction';

/** 四性检测: run it, read the four headings and the findings, export the report. */
export function VerifyPanel() {
  const platform = usePlatform();
  const { api } = platform;
  const { busy, run } = useBusyAction();
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [exported, setExported] = useState<SavedReport[]>([]);

  const verify = () => run('四性检测', async () => setReport(await api['integrity.verify']({})));
  const exportAs = (format: 'pdf' | 'xlsx') =>
    run('导出报告', async () => {
      const day = localDay();
      const saved = await saveReport(platform, `四性检测报告-${day}.${format}`, (outFile) => api['integrity.exportReport']({ format, outFile }));
      if (saved) setExported((list) => [...list, saved]);
    });
  const orphans = report?.problems.filter((p) => p.check === 'integrity' && p.materialId === null && p.sha256) ?? [];
  const quarantine = () =>
    run('隔离', async () => {
      await api['integrity.quarantineOrphans']({});
      setReport(await api['integrity.verify']({}));
    });

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="verify-panel">
      <Space wrap>
        <Button type="primary" icon={<SafetyCertificateOutlined />} loading={busy === '四性检测'} onClick={verify} data-testid="verify-run">
          {report ? '重新检测' : '开始检测'}
        </Button>
        <Button icon={<FilePdfOutlined />} disabled={!report} loading={busy === '导出报告'} onClick={() => exportAs('pdf')} data-testid="verify-export-pdf">
          导出 PDF 报告
        </Button>
        <Button icon={<FileExcelOutlined />} disabled={!report} onClick={() => exportAs('xlsx')} data-testid="verify-export-xlsx">
          导出 Excel 报告
        </Button>
      </Space>
      {!report && <Typography.Text type="secondary">依据 DA/T 70-2018，逐一检查每个文件的真实性、完整性、可用性和安全性。文件较多时需要几分钟。</Typography.Text>}
      {report && (
        <>
          <Alert
            data-testid="verify-verdict"
            type={report.ok ? 'success' : 'error'}
            showIcon
            title={report.ok ? `检测通过：共 ${report.filesChecked} 个文件、${report.materialsChecked} 份材料` : `检测未通过：共 ${report.problems.filter((p) => p.severity === 'error').length} 个错误`}
          />
          <VerifySections sections={report.sections} />
          {orphans.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={`存储区有 ${orphans.length} 个未登记的文件（多为导入中断留下）`}
              description="重新添加同一文件即可补登；也可以把它们移到档案库的 quarantine 文件夹（不会删除）。"
              action={<Button size="small" onClick={quarantine} data-testid="verify-quarantine">移到隔离区</Button>}
            />
          )}
          <VerifyProblems problems={report.problems} />
        </>
      )}
      {exported.map((p) => (
        <div key={p.path}>
          {p.downloaded ? (
            <>报告已交给浏览器下载：<span data-testid="verify-exported" data-path={p.path}>{baseName(p.path)}</span>（保存位置见浏览器的下载列表）</>
          ) : (
            <>报告已保存到：<PathLine path={p.path} testId="verify-exported" /></>
          )}
        </div>
      ))}
    </Space>
  );
}
