export type IndicatorKind = 'scored' | 'veto' | 'bonus';

export interface IndicatorSystem {
  id: number;
  name: string;
  source: string;
  createdAt: string;
  indicatorCount: number;
  codeMode: CodeMode;
}

export interface Indicator extends IndicatorFields {
  id: number;
  systemId: number;
  parentId: number | null;
  /** Hierarchical code: `1`, `1.2`, `1.2.3`, or the sheet's own code. */
  code: string;
  position: number;
  depth: number;
}

/** How codes behave when the tree is edited: renumbered by position, or the sheet's own codes kept. */
export type CodeMode = 'position' | 'sheet';

/** The fields a clerk edits on one indicator (all optional in an update). */
export interface IndicatorFields {
  title: string;
  /** Original numbering as printed (“（一）”, “1.”), kept for display and export. */
  numbering: string;
  content: string;
  standard: string;
  methods: string[];
  score: number | null;
  kind: IndicatorKind;
  requiredMaterials: string;
  /** Free text as imported or typed; may name several units (“宣传部、团委”). */
  responsibleUnit: string;
  responsiblePerson: string;
  /** 完成时限, as the clerk writes it (usually YYYY-MM-DD); '' when none. */
  deadline: string;
}

export interface DeleteIndicatorResult {
  /** The indicator and everything below it. */
  deleted: number;
  /** Material links moved to the chosen indicator before deleting. */
  movedLinks: number;
}

export interface CoverageRow {
  indicatorId: number;
  code: string;
  title: string;
  depth: number;
  isLeaf: boolean;
  kind: IndicatorKind;
  score: number | null;
  /** Materials linked to this node itself (leaves) or to any leaf below it. */
  materialCount: number;
  /** Leaves below (or this leaf) that have at least one material. */
  coveredLeaves: number;
  totalLeaves: number;
  /** Sum of scores of covered leaves below. */
  coveredScore: number;
  /** Sum of scores of all leaves below that count (veto items excluded): the base of the score share. */
  totalScore: number;
  missing: boolean;
}

export interface TemplateInfo {
  id: string;
  name: string;
}

/** What a column of an imported table holds. */
export type ImportColumnRole =
  | 'numbering'
  | 'code'
  | 'parentCode'
  | 'level'
  | 'title'
  | 'content'
  | 'standard'
  | 'methods'
  | 'score'
  | 'materials'
  | 'unit'
  /** 责任人 / 负责人: the person who collects the item's materials. */
  | 'person'
  /** 完成时限: read as a date (年-月-日). */
  | 'deadline'
  /** Known column not imported (得分, 备注 …), or a column the clerk chose to skip. */
  | 'ignored';

export interface ImportColumn {
  /** 0-based column of the table. */
  col: number;
  role: ImportColumnRole;
  /** For 'level': 1 for 一级指标, 2 for 二级 … */
  level?: number;
  /** For 'code': the column whose level it numbers (“1-1” beside “领导班子建设”); absent: the sheet's own codes. */
  codeFor?: number;
}

/** Which table, which row holds the column names, and what each column holds. */
export interface ImportMapping {
  /** 0-based index among the file's sheets / Word tables. */
  table: number;
  /** 0-based row of the header within that table. */
  headerRow: number;
  /** Rows the header spans (2 when sub-headings sit under a merged heading); data starts below. */
  headerRows: number;
  columns: ImportColumn[];
}

/**
 * A part read from another table, sheet or list: 否决项/加分项, or (scored) more indicators from a
 * sheet with the main table's very columns (one sheet per 一级指标).
 */
export interface ImportSection {
  /** Index among the file's tables (as in ImportPreview.tables). */
  table: number;
  label: string;
  kind: IndicatorKind;
  title: string;
  /** Items read into it. */
  count: number;
  /** Left out by the clerk. */
  skipped: boolean;
}

/** A row of the chosen table that is not imported, and why (合计, 小计, 注, header printed again). */
export interface SkippedRow {
  /** 1-based, as the clerk sees it in Excel or Word. */
  row: number;
  text: string;
  reason: string;
  /** Imported as an indicator all the same, as the clerk chose (ImportChoices keepRows). */
  kept: boolean;
}

/** One node of a previewed tree: what the file gives, with its place. */
export interface PreviewIndicator extends IndicatorFields {
  code: string;
  parentCode: string | null;
  depth: number;
}

export interface PreviewLevel {
  depth: number;
  count: number;
  /** Sum of the scores of the scored items at this level (veto and bonus items apart). */
  scoreTotal: number;
  bonusTotal: number;
  vetoCount: number;
}

/** A unit the imported 负责部门 column names, before 确认导入. */
export interface PreviewUnit {
  name: string;
  indicatorCount: number;
  /** Already in the 责任单位 register (otherwise 确认导入 adds it). */
  registered: boolean;
}

/** A unit renamed in the preview; two units renamed to one name are merged. */
export interface UnitRename {
  from: string;
  to: string;
}

/** What an import would produce, before anything is saved. */
export interface ImportPreview {
  fileName: string;
  name: string;
  /** Labels of the sheets / Word tables in the file, by index. */
  tables: string[];
  /** The mapping used (detected, or the clerk's); null when no header was found. */
  mapping: ImportMapping | null;
  mappingSource: 'detected' | 'manual' | null;
  /** Rows of the chosen table to map columns from, starting at `sampleStart`. */
  sampleRows: string[][];
  sampleStart: number;
  indicators: PreviewIndicator[];
  levels: PreviewLevel[];
  warnings: string[];
  /** Why no tree could be built (no header, nothing under it …); the clerk maps columns by hand. */
  problem: string | null;
  codeMode: CodeMode;
  /** 否决项/加分项 read from other tables, sheets or lists (each can be left out). */
  sections: ImportSection[];
  skippedRows: SkippedRow[];
  /** Units named in the 负责部门 column: the register gains those not yet in it. */
  units: PreviewUnit[];
  /** Some titles are in 繁体: the preview offers to convert them to 简体. */
  traditional: boolean;
}

export type UnitKind = 'group' | 'lead' | 'member' | 'department';

/** 职能组 / 组长单位 / 成员单位 / 部门, with the persons who collect materials there. */
export interface ResponsibleUnit {
  id: number;
  name: string;
  kind: UnitKind;
  persons: string[];
  /** Indicators (in any system) whose responsible unit names this unit. */
  indicatorCount: number;
}

/** What separates several units in one 责任单位 text: “宣传部、团委”, “教务处/学生处”. */
export const UNIT_SEPARATORS = /([、，,;；/／\s]+)/;

/** The unit names in a 责任单位 text (shared so the tree filter and the core agree). */
export function unitNamesIn(text: string): string[] {
  return text.split(UNIT_SEPARATORS).filter((part, i) => i % 2 === 0 && part !== '');
}
