import type { OnlineCategory } from './materials';

/** Pixel budget and JPEG quality of photos in the packet PDF. */
export type ImageQuality = 'high' | 'standard' | 'compact';

export const imageQualityLabels: Record<ImageQuality, string> = {
  high: '高（适合打印）',
  standard: '标准',
  compact: '精简（文件较小）',
};

export interface PacketCover {
  /** Empty: “<年度><档案名称>迎检资料”. */
  title: string;
  /** Empty: the dossier's unit. */
  unit: string;
  /** Empty: the export day, e.g. “2024年5月20日”. */
  date: string;
}

export interface PacketLayout {
  catalogue: boolean;
  photosPerPage: 1 | 2 | 4;
  /** Drawn faintly across every page but the cover; empty for none. */
  watermark: string;
  pageNumbers: boolean;
  imageQuality: ImageQuality;
}

/**
 * How a dossier's 档号 are made (DA/T 13 style), one rule per dossier. Tokens: {全宗号} {年度}
 * {保管期限} {件号}; empty parts and the separators next to them drop out, so a rule without a
 * fonds number still reads cleanly. A material keeps the 档号 it was numbered with (归档).
 */
export interface ArchivalCodeRule {
  pattern: string;
  fondsNumber: string;
  /** 件号 width, zero-padded. */
  itemDigits: number;
  /** Retention code for materials whose 保管期限 is not filled in: Y, D30 or D10. */
  defaultRetention: 'Y' | 'D30' | 'D10';
}

export function defaultArchivalRule(): ArchivalCodeRule {
  return { pattern: DEFAULT_ARCHIVAL_PATTERN, fondsNumber: '', itemDigits: 4, defaultRetention: 'D10' };
}

/** The parts of one 档号, as the 归档章 shows them. */
export interface ArchivalParts {
  fonds: string;
  year: string;
  retention: string;
  item: string;
}

export interface PacketDefinition {
  /** null: every indicator of the system. Otherwise the indicators shown (branches included as given). */
  indicatorIds: number[] | null;
  /** null: every material filed under the chosen indicators. */
  materialIds: number[] | null;
  /**
   * Materials moved by the clerk, in the order wanted; under each indicator these come first in
   * this order, the rest follow by date. Empty: indicator order, then date.
   */
  materialOrder: number[];
  cover: PacketCover;
  layout: PacketLayout;
  /**
   * Indicators without material: 'omit' (the inspectors' packet; the export can write an internal
   * 缺项 report instead) or 'show' (each with its 提交表 saying no material was submitted).
   */
  emptyIndicators: 'omit' | 'show';
  /** The 档号 themselves follow the dossier's rule; the packet decides whether to stamp them. */
  archivalCode: {
    /** Draw the 归档章 on the first page of each document in the PDF. */
    stamp: boolean;
  };
}

/** A saved packet definition, exportable again after materials change. */
export interface Packet {
  id: number;
  dossierId: number;
  name: string;
  definition: PacketDefinition;
  createdAt: string;
  updatedAt: string;
}

export const DEFAULT_ARCHIVAL_PATTERN = '{全宗号}-{年度}-{保管期限}-{件号}';

export function defaultPacketDefinition(): PacketDefinition {
  return {
    indicatorIds: null,
    materialIds: null,
    materialOrder: [],
    cover: { title: '', unit: '', date: '' },
    layout: { catalogue: true, photosPerPage: 1, watermark: '', pageNumbers: true, imageQuality: 'standard' },
    emptyIndicators: 'omit',
    archivalCode: { stamp: false },
  };
}

/** What an export will need, asked before it starts. */
export interface ExportPreflight {
  /** Materials that become PDF through a browser (Word, tables, text, 会议纪要). */
  needsRenderer: number;
  /** Why no browser can do it here (what to install), or null when one is ready. */
  rendererProblem: string | null;
  /** What this export will leave out or show as a placeholder page, each with where to fix it. */
  leftOut: ExportLeftOut;
}

export interface ExportLeftOut {
  /** The dossier's materials (not in the 回收站) that no chosen indicator shows. */
  unfiled: { materialId: number; title: string; reason: string }[];
  /** 测评小项 without material: left out of the packet, or shown with “本项未提交材料”. */
  gaps: { indicatorId: number; code: string; title: string; shown: boolean }[];
  /** Materials in the packet whose content a page saying why stands in for. */
  placeholders: { materialId: number; title: string; reason: string }[];
}

/** One 网上申报 PDF: one indicator (or category) under the size cap, or why it is not. */
export interface OnlinePdf {
  indicatorCode: string;
  indicatorTitle: string;
  path: string | null;
  bytes: number;
  fits: boolean;
  /** Set when it could not be brought under the cap (then the file is left out). */
  reason: string | null;
}

export interface ExportResult {
  outDir: string;
  /** The first (or only) volume. */
  pdfPath: string | null;
  /** Every volume when the packet was split (one entry when it was not). */
  volumePaths: string[];
  xlsxPath: string | null;
  folderPath: string | null;
  zipPath: string | null;
  /** The internal 缺项 report, when asked for. */
  gapsPath: string | null;
  /** 测评小项 without material (none: 0). */
  gapCount: number;
  /** 网上申报 PDFs, one per indicator, when asked for. */
  onlineDir: string | null;
  online: OnlinePdf[];
  /** Files copied into the 网上申报 folder's 按类别/<类别> folders, per category (null without 网上申报). */
  onlineCategories: Record<OnlineCategory, number> | null;
  pageCount: number;
  materialCount: number;
  /** Materials given their 件号 and 档号 by this export (the first export numbers them). */
  numbered: number;
  /** Materials shown as a placeholder page instead of their content, with the reason. */
  notices: { title: string; reason: string }[];
}
