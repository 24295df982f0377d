import type { IndicatorKind } from '../../../../shared/domain';

/** One node of an indicator tree as read from a file, before it is saved. */
export interface ParsedIndicator {
  code: string;
  parentCode: string | null;
  numbering: string;
  title: string;
  content: string;
  standard: string;
  methods: string[];
  score: number | null;
  kind: IndicatorKind;
  requiredMaterials: string;
  responsibleUnit: string;
}

export interface ParsedSystem {
  /** A name for the system, e.g. from the workbook's title row or the file name. */
  name: string;
  /** In tree pre-order: every parent comes before its children. */
  indicators: ParsedIndicator[];
  /** Things the clerk should look at before confirming (Chinese). */
  warnings: string[];
}
