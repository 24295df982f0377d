// 每半月汇报 as files: an .xlsx (one row per unit) and a one-page PDF dated for the half month,
// each written under a temporary name first so a full disk leaves no half file.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { ProgressReport, UnitProgress } from '../../../shared/domain';
import { describeWriteError } from '../backup/writeErrors';
import { linesPdf } from '../integrity/report/reportPdf';
import type { ReportLine } from '../integrity/report/reportLines';
import { addBodyRow, setUpSheet } from '../workbook/sheetStyle';

const HEADERS = ['责任单位', '分派指标', '已有材料', '缺项', '逾期', '待审', '通过', '退回', '最近报送'];

/** “2024年7月上半月” for 2024-07-15. */
export function halfMonth(today: string): string {
  const [y, m, d] = today.split('-').map(Number);
  return `${y}年${m}月${d <= 15 ? '上' : '下'}半月`;
}

const shown = (iso: string | null) => (iso ? iso.slice(0, 10) : '尚未报送');
const row = (u: UnitProgress) => [u.unit, u.assigned, u.covered, u.assigned - u.covered, u.overdue, u.pending, u.passed, u.returned, shown(u.lastSubmission)];

export async function writeProgressXlsx(list: UnitProgress[], dossierName: string, today: string, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Dossier 创建档案管家';
  const sheet = wb.addWorksheet('报送进度');
  setUpSheet(sheet, HEADERS, [16, 10, 10, 8, 8, 8, 8, 8, 14], true);
  for (const u of list) addBodyRow(sheet, row(u));
  sheet.addRow([]);
  sheet.addRow(['档案', dossierName]);
  sheet.addRow(['统计截至', today, halfMonth(today)]);
  await atomically(file, (temp) => wb.xlsx.writeFile(temp));
}

/** The report's files in `dir` (the clerk's folder, or the archive's exports/进度汇报/): <档案>-<半月>.xlsx|pdf. */
export function defaultReportFiles(dir: string, dossierName: string, today: string): { xlsx: string; pdf: string } {
  const base = path.join(dir, `${dossierName.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')}-${halfMonth(today)}`);
  return { xlsx: `${base}.xlsx`, pdf: `${base}.pdf` };
}

/** How the totals moved, report by report (the last eight half months), for the PDF. */
function trendLines(history: ProgressReport[]): ReportLine[] {
  if (history.length < 2) return [];
  return [
    { text: '历次汇报', style: 'heading' },
    ...history.slice(-8).map((r): ReportLine => ({
      text: `${r.period}：已有材料 ${r.totals.covered}/${r.totals.assigned} 项，逾期 ${r.totals.overdue} 项，待审 ${r.totals.pending} 份，退回 ${r.totals.returned} 份`,
      style: 'body',
    })),
  ];
}

export async function writeProgressPdf(list: UnitProgress[], dossierName: string, today: string, file: string, history: ProgressReport[] = []): Promise<void> {
  const total = (k: 'assigned' | 'covered' | 'overdue' | 'pending' | 'returned') => list.reduce((n, u) => n + u[k], 0);
  const lines: ReportLine[] = [
    { text: `创建材料报送进度汇报（${halfMonth(today)}）`, style: 'title' },
    { text: `档案：${dossierName}`, style: 'muted' },
    { text: `统计截至：${today}`, style: 'muted' },
    {
      text: `共 ${list.length} 个责任单位，分派指标 ${total('assigned')} 项，已有材料 ${total('covered')} 项，逾期 ${total('overdue')} 项；待审材料 ${total('pending')} 份，退回 ${total('returned')} 份。`,
      style: 'body',
    },
    { text: '各单位情况', style: 'heading' },
    ...list.map((u): ReportLine => ({
      text: `${u.unit}：分派 ${u.assigned} 项，已有材料 ${u.covered} 项，缺项 ${u.assigned - u.covered} 项，逾期 ${u.overdue} 项；待审 ${u.pending}、通过 ${u.passed}、退回 ${u.returned}；最近报送 ${shown(u.lastSubmission)}`,
      style: u.overdue > 0 ? 'error' : 'body',
    })),
    ...trendLines(history),
  ];
  const bytes = await linesPdf('创建材料报送进度汇报', lines);
  await atomically(file, (temp) => fs.writeFile(temp, bytes, { flag: 'wx' }));
}

async function atomically(file: string, write: (temp: string) => Promise<void>): Promise<void> {
  const target = path.resolve(file);
  const temp = path.join(path.dirname(target), `.${randomUUID()}.partial`);
  try {
    await fs.mkdir(path.dirname(target), { recursive: true });
    await write(temp);
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw describeWriteError(err, `无法写入 ${target}`);
  }
}
