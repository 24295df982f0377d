import ExcelJS from 'exceljs';
import type { VerifyReport } from '../../../../shared/domain';
import { VERIFY_CHECK_LABELS } from '../../../../shared/domain';
import { addBodyRow, setUpSheet } from '../../workbook/sheetStyle';

/**
 * The report as a workbook: a 汇总 sheet (one row per heading, then the verdict) and a 问题清单
 * sheet, laid out like every other workbook Dossier writes.
 */
export async function writeVerifyReportXlsx(report: VerifyReport, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Dossier 创建档案管家';
  const summary = wb.addWorksheet('汇总');
  setUpSheet(summary, ['检测项', '检测内容', '检测数量', '错误', '提示'], [10, 60, 10, 8, 8], false);
  for (const s of report.sections) addBodyRow(summary, [s.label, s.scope, s.checked, s.errors, s.warnings]);
  summary.addRow([]);
  summary.addRow(['结论', report.ok ? '通过' : '未通过']);
  summary.addRow(['档案库', report.archivePath]);
  summary.addRow(['检测时间', report.checkedAt]);

  const list = wb.addWorksheet('问题清单');
  setUpSheet(list, ['检测项', '级别', '材料编号', '题名', '说明', '文件'], [10, 8, 10, 30, 80, 60], true);
  for (const p of report.problems) {
    addBodyRow(list, [
      VERIFY_CHECK_LABELS[p.check],
      p.severity === 'error' ? '错误' : '提示',
      p.materialId,
      p.title,
      p.message,
      p.file,
    ]);
  }
  await wb.xlsx.writeFile(file);
}
