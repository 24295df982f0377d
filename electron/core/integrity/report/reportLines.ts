import type { VerifyReport } from '../../../../shared/domain';

export interface ReportLine {
  text: string;
  style: 'title' | 'heading' | 'body' | 'muted' | 'error' | 'warning';
}

const SEVERITY = { error: '【错误】', warning: '【提示】' } as const;

/** The report as lines under the four headings; the PDF and the UI read the same wording. */
export function reportLines(report: VerifyReport): ReportLine[] {
  const lines: ReportLine[] = [
    { text: '电子档案四性检测报告', style: 'title' },
    { text: `档案库：${report.archivePath}`, style: 'muted' },
    { text: `检测时间：${new Date(report.checkedAt).toLocaleString('zh-CN', { hour12: false })}`, style: 'muted' },
    { text: `检测范围：${report.filesChecked} 个文件、${report.materialsChecked} 份材料（依据 DA/T 70-2018）`, style: 'muted' },
    { text: `结论：${report.ok ? '通过' : '未通过'}`, style: report.ok ? 'body' : 'error' },
  ];
  for (const section of report.sections) {
    lines.push({ text: `${section.label}检测`, style: 'heading' });
    lines.push({ text: `检测内容：${section.scope}`, style: 'muted' });
    lines.push({ text: `检测 ${section.checked} 项，错误 ${section.errors} 个，提示 ${section.warnings} 个`, style: 'body' });
    const mine = report.problems.filter((p) => p.check === section.check);
    if (mine.length === 0) lines.push({ text: '未发现问题。', style: 'body' });
    for (const p of mine) lines.push({ text: `${SEVERITY[p.severity]}${p.message}`, style: p.severity });
  }
  return lines;
}
