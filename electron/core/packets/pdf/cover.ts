import type { PDFPage } from 'pdf-lib';
import { A4, CONTENT_WIDTH, MARGIN, wrapText } from './layout';
import { todayText } from './labels';
import { colors, drawLine, type PacketFonts, type TextStyle } from './text';

export interface CoverInfo {
  title: string;
  unit: string;
  date: string;
  /** “第 1 册 / 共 3 册” when the packet is split; empty otherwise. */
  volume: string;
}

/** The clerk's cover details, each falling back to the dossier's unit and today's date. */
export function coverInfo(title: string, unit: string, date: string, volume = '', now = new Date()): CoverInfo {
  return { title, unit, date: date.trim() || todayText(now), volume };
}

export function coverText(info: CoverInfo): { regular: string; bold: string } {
  return { regular: info.unit + info.date + info.volume, bold: info.title };
}

const TITLE: TextStyle = { size: 30, weight: 'bold' };
const LINE: TextStyle = { size: 16 };

function centered(page: PDFPage, fonts: PacketFonts, text: string, y: number, style: TextStyle): void {
  drawLine(page, fonts, text, MARGIN.left + (CONTENT_WIDTH - fonts.width(text, style)) / 2, y, style);
}

/** Title in the upper third, unit and date near the foot, as printed covers are laid out. */
export function drawCover(page: PDFPage, fonts: PacketFonts, info: CoverInfo): void {
  const lines = wrapText(info.title, CONTENT_WIDTH - 40, (s) => fonts.width(s, TITLE));
  let y = A4.height * 0.64 + ((lines.length - 1) * TITLE.size * 1.5) / 2;
  for (const line of lines) {
    centered(page, fonts, line, y, TITLE);
    y -= TITLE.size * 1.5;
  }
  const ruleY = y - 10;
  page.drawLine({
    start: { x: A4.width / 2 - 110, y: ruleY },
    end: { x: A4.width / 2 + 110, y: ruleY },
    thickness: 1.2,
    color: colors.accent,
  });
  if (info.volume) centered(page, fonts, info.volume, ruleY - LINE.size * 2.2, LINE);
  let footY = A4.height * 0.24;
  for (const line of [info.unit, info.date].filter((s) => s.trim() !== '')) {
    for (const part of wrapText(line, CONTENT_WIDTH, (s) => fonts.width(s, LINE))) {
      centered(page, fonts, part, footY, LINE);
      footY -= LINE.size * 1.9;
    }
  }
}
