import type ExcelJS from 'exceljs';
import type { FilingInPacket } from '../xlsx';
import type { PacketPlan } from '../plan';
import { addBodyRow, GROUP_FILL, setUpSheet } from '../../workbook/sheetStyle';

export const INDEX_SHEET = '材料索引';
export const INDEX_COLUMNS = ['指标编码', '测评内容', '序号', '档号', '材料题名', '日期', '页码', '页数', '备注'] as const;
const WIDTHS = [11, 34, 6, 18, 40, 11, 8, 7, 24];

/**
 * 材料索引, laid out like the 待审材料索引表 reviewers use: per indicator a heading row (code,
 * content), then its materials numbered from 1 with 档号 and where they start in the packet
 * PDF. A leaf without materials says 缺项, so the reviewer sees the gap in place.
 */
export function fillIndexSheet(sheet: ExcelJS.Worksheet, plan: PacketPlan, packet: Map<number, FilingInPacket> | null): void {
  setUpSheet(sheet, INDEX_COLUMNS, WIDTHS, true);
  for (const section of plan.sections) {
    const ind = section.indicator;
    const head = addBodyRow(sheet, [ind.code, ind.title, '', '', section.filings.length ? `共 ${section.filings.length} 件` : '', '', '', '', ''], [1]);
    head.font = { bold: true };
    head.eachCell({ includeEmpty: true }, (cell) => {
      cell.fill = GROUP_FILL;
    });
    if (section.filings.length === 0 && section.isLeaf) {
      const gap = addBodyRow(sheet, [ind.code, '', '', '', '（暂无材料）', '', '', '', '缺项'], [1]);
      gap.getCell(9).font = { bold: true, color: { argb: 'FFC00000' } };
    }
    section.filings.forEach((f, i) => {
      const inPacket = packet?.get(f.seq);
      addBodyRow(
        sheet,
        [ind.code, '', i + 1, f.code, f.material.title, f.material.date, inPacket?.start ?? '', inPacket?.pages ?? f.material.pages ?? '', f.material.note],
        [1, 4, 6],
      );
    });
  }
}
