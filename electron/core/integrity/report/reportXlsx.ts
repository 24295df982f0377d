import ExcelJS from 'exceljs';
import type { VerifyReport } from '../../../../shared/domain';
import { VERIFY_CHECK_LABELS } from '../../../../shared/domain';

/** The report as a workbook: a 汇总 sheet (one row per heading) and a 问题清单 sheet. */
export async function writeVerifyReportXlsx(report: VerifyReport, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Dossier 创建档案管家';
  const summary = wb.addWorksheet('汇总');
  summary.columns = [
    { header: '检测项', key: 'label', width: 10 },
    { header: '检测内容', key: 'scope', width: 60 },
    { header: '检测数量', key: 'checked', width: 10 },
    { header: '错误', key: 'errors', width: 8 },
    { header: '提示', key: 'warnings', width: 8 },
  ];
  for (const s of report.sections) summary.addRow(s);
  summary.addRow({});
  summary.addRow({ label: '结论', scope: report.ok ? '通过' : '未通过' });
  summary.addRow({ label: '档案库', scope: report.archivePath });
  summary.addRow({ label: '检测时间', scope: report.checkedAt });
  summary.getRow(1).font = { bold: true };

  const list = wb.addWorksheet('问题清单');
  list.columns = [
    { header: '检测项', key: 'check', width: 10 },
    { header: '级别', key: 'severity', width: 8 },
    { header: '材料编号', key: 'materialId', width: 10 },
    { header: '题名', key: 'title', width: 30 },
    { header: '说明', key: 'message', width: 80 },
    { header: '文件', key: 'file', width: 60 },
  ];
  for (const p of report.problems) {
    list.addRow({ ...p, check: VERIFY_CHECK_LABELS[p.check], severity: p.severity === 'error' ? '错误' : '提示' });
  }
  list.getRow(1).font = { bold: true };
  await wb.xlsx.writeFile(file);
}
