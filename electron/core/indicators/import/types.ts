import type { ImportMapping, PreviewIndicator } from '../../../../shared/domain';

/** One node of an indicator tree as read from a file, before it is saved (its depth is worked out later). */
export type ParsedIndicator = Omit<PreviewIndicator, 'depth'>;

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
}
