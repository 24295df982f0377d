import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import type { VerifyReport } from '../../../../shared/domain';
import { embedNotoSubset, relabelAsOpenType } from '../../packets/pdf/fonts';
import { A4, CONTENT_WIDTH, MARGIN, Measurer, wrapText } from '../../packets/pdf/layout';
import { reportLines, type ReportLine } from './reportLines';

const STYLE: Record<ReportLine['style'], { size: number; bold: boolean; color: [number, number, number]; before: number }> = {
  title: { size: 18, bold: true, color: [0.1, 0.1, 0.1], before: 0 },
  heading: { size: 13, bold: true, color: [0.1, 0.1, 0.1], before: 14 },
  body: { size: 10, bold: false, color: [0.1, 0.1, 0.1], before: 2 },
  muted: { size: 9, bold: false, color: [0.42, 0.42, 0.42], before: 2 },
  error: { size: 9.5, bold: false, color: [0.65, 0.08, 0.08], before: 3 },
  warning: { size: 9.5, bold: false, color: [0.55, 0.35, 0.0], before: 3 },
};

/** The 四性检测 report as an A4 PDF with embedded Chinese fonts (the packet's font helpers). */
export async function verifyReportPdf(report: VerifyReport): Promise<Uint8Array> {
  return linesPdf('电子档案四性检测报告', reportLines(report));
}

/** Styled lines as an A4 PDF (page numbers at the foot); other reports (报送进度) use it too. */
export async function linesPdf(title: string, lines: ReportLine[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  const boldText = lines.filter((l) => STYLE[l.style].bold).map((l) => l.text).join('');
  const regularText = lines.filter((l) => !STYLE[l.style].bold).map((l) => l.text).join('') + '0123456789/第页共 …';
  const regular = await embedNotoSubset(doc, 'regular', regularText);
  const bold = await embedNotoSubset(doc, 'bold', boldText);
  const measure = { regular: new Measurer(regular.font), bold: new Measurer(bold.font) };

  let page: PDFPage = doc.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN.top;
  for (const line of lines) {
    const style = STYLE[line.style];
    const m = style.bold ? measure.bold : measure.regular;
    const leading = style.size * 1.5;
    y -= style.before;
    for (const text of wrapText(line.text, CONTENT_WIDTH, (s) => m.width(s, style.size))) {
      if (y - leading < MARGIN.bottom) {
        page = doc.addPage([A4.width, A4.height]);
        y = A4.height - MARGIN.top;
      }
      y -= leading;
      if (text.trim()) page.drawText(text, { x: MARGIN.left, y, size: style.size, font: (style.bold ? bold : regular).font, color: rgb(...style.color) });
    }
  }
  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const label = `第 ${i + 1} 页 / 共 ${pages.length} 页`;
    p.drawText(label, { x: (A4.width - measure.regular.width(label, 8)) / 2, y: 32, size: 8, font: regular.font, color: rgb(0.42, 0.42, 0.42) });
  });
  await doc.flush();
  relabelAsOpenType(doc, regular.font);
  relabelAsOpenType(doc, bold.font);
  return doc.save();
}
