import { degrees, rgb, type PDFPage } from 'pdf-lib';
import type { ArchivalParts } from '../../../../shared/domain';
import { labels } from './labels';
import type { PacketFonts } from './text';

const WATERMARK_SIZE = 46;

/** The clerk's watermark, faint and diagonal across the page centre, over everything. */
export function drawWatermark(page: PDFPage, fonts: PacketFonts, text: string): void {
  const box = page.getCropBox();
  const width = fonts.width(text, { size: WATERMARK_SIZE });
  const angle = 35;
  const rad = (angle * Math.PI) / 180;
  // Start so that the text's midpoint lands on the page centre.
  const x = box.x + box.width / 2 - (Math.cos(rad) * width) / 2 + (Math.sin(rad) * WATERMARK_SIZE) / 3;
  const y = box.y + box.height / 2 - (Math.sin(rad) * width) / 2 - (Math.cos(rad) * WATERMARK_SIZE) / 3;
  page.drawText(text, {
    x,
    y,
    size: WATERMARK_SIZE,
    font: fonts.regular.font,
    color: rgb(0.55, 0.55, 0.55),
    opacity: 0.18,
    rotate: degrees(angle),
  });
}

const CELL_W = 50;
const CELL_H = 22;
const STAMP_RED = rgb(0.75, 0.1, 0.1);

/**
 * 归档章 (DA/T 22): a small red 2×3 table at the top right of a document's first page —
 * 全宗号 · 年度 · 件号 over 保管期限 · 页数 · 档号's own blank — each cell its label above
 * its value.
 */
export function drawStamp(page: PDFPage, fonts: PacketFonts, parts: ArchivalParts, pages: number): void {
  const box = page.getCropBox();
  const cells: [string, string][] = [
    [labels.fonds, parts.fonds],
    [labels.year, parts.year],
    [labels.item, parts.item],
    [labels.retention, parts.retention],
    [labels.pages, String(pages)],
    ['', ''],
  ];
  const left = box.x + box.width - 24 - CELL_W * 3;
  const top = box.y + box.height - 18;
  page.drawRectangle({ x: left, y: top - CELL_H * 2, width: CELL_W * 3, height: CELL_H * 2, color: rgb(1, 1, 1), opacity: 0.9 });
  cells.forEach(([label, value], i) => {
    const x = left + (i % 3) * CELL_W;
    const y = top - (Math.floor(i / 3) + 1) * CELL_H;
    page.drawRectangle({ x, y, width: CELL_W, height: CELL_H, borderColor: STAMP_RED, borderWidth: 0.8 });
    if (label) {
      const lw = fonts.width(label, { size: 5.5 });
      page.drawText(label, { x: x + (CELL_W - lw) / 2, y: y + CELL_H - 7.5, size: 5.5, font: fonts.regular.font, color: STAMP_RED });
    }
    if (value) {
      let size = 8;
      while (size > 4 && fonts.width(value, { size }) > CELL_W - 4) size -= 0.5;
      const vw = fonts.width(value, { size });
      page.drawText(value, { x: x + (CELL_W - vw) / 2, y: y + 3.5, size, font: fonts.regular.font, color: STAMP_RED });
    }
  });
}
