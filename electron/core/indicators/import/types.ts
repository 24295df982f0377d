import type { ImportMapping, ImportSection, PreviewIndicator, SkippedRow, UnitRename } from '../../../../shared/domain';

/** One node of an indicator tree as read from a file, before it is saved (its depth is worked out later). */
export type ParsedIndicator = Omit<PreviewIndicator, 'depth'>;

/** What the clerk chose in the preview besides the columns. */
export interface ImportChoices {
  mapping?: ImportMapping;
  /** Convert every text to 简体 (titles are otherwise kept as written). */
  simplify?: boolean;
  /** Units to rename (or merge, when two get one name) before they enter the register. */
  unitNames?: readonly UnitRename[];
  /** 否决项/加分项 sections (by table number) to leave out. */
  skipSections?: readonly number[];
  /** Rows (1-based) read as 注, 合计, 小计 or a repeated header that the clerk imports as indicators all the same. */
  keepRows?: readonly number[];
}

export interface ParsedSystem {
  /** A name for the system, e.g. from the workbook's title row or the file name. */
  name: string;
  /** In tree pre-order: every parent comes before its children. */
  indicators: ParsedIndicator[];
  /** Things the clerk should look at before confirming (Chinese). */
  warnings: string[];
  /** The table and columns read: detected, or as the clerk mapped them. */
  mapping: ImportMapping;
  /** The sheet's own 编码 column named the items (kept on edits) rather than their position. */
  ownCodes: boolean;
  /** 否决项/加分项 read from other tables or lists. */
  sections: ImportSection[];
  /** Rows of the main table not imported, with the reason. */
  skippedRows: SkippedRow[];
}
