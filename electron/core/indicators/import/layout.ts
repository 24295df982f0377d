import { GRADE, type ColumnRole, type HeaderInfo } from './header';
import { fold } from './text';

/** Which columns play which part, worked out from the header once per table. */
export interface Layout {
  /**
   * Columns that name tree levels, shallow to deep: level columns (一级 → 三级, 测评项目), then a
   * title column (名称/指标). With none of those, the content or standard column names the items.
   */
  tiers: number[];
  /** Content/standard columns that may turn out to be a finer level (one row per item under a merged 二级指标). */
  promotable: number[];
  numbering: number | null;
  code: number | null;
  /** Code columns beside a level's name column: name column → its code column. */
  tierCodes: Map<number, number>;
  /** The code column is a 编号 that may just be a running number. */
  codeWeak: boolean;
  parentCode: number | null;
  content: number[];
  standard: number[];
  methods: number[];
  score: number | null;
  /** Every score column: some tables print one next to each level (一级指标 | 分值 | 二级指标 | 分值). */
  scores: number[];
  materials: number[];
  /** Standard columns headed by a grade (A/B/C/D): their cells read “A：1.0”. */
  gradeLabels: Map<number, string>;
  unit: number[];
  person: number[];
  deadline: number | null;
  roleOf: Map<number, ColumnRole>;
}

export function layoutOf(header: HeaderInfo): Layout {
  const cols = (role: ColumnRole) => header.columns.filter((c) => c.role === role).map((c) => c.col);
  const first = (role: ColumnRole) => cols(role)[0] ?? null;
  // Left to right is how every table lays out its levels, also when a generic 测评项目 column
  // follows 一级指标/二级指标 and so is really the third level.
  const levels = cols('level');
  const titles = cols('title');
  let content = cols('content');
  let standard = cols('standard');
  const tiers = [...levels, ...titles.slice(0, 1)];
  if (tiers.length === 0) {
    // No naming column at all: the items are named by their content (“内容与要求”) or standard.
    if (content.length > 0) {
      tiers.push(content[0]);
      content = content.slice(1);
    } else if (standard.length > 0) {
      tiers.push(standard[0]);
      standard = standard.slice(1);
    }
  }
  const promotable = [content[0], standard[0]].filter((c): c is number => c !== undefined);
  const codeSpec = header.columns.find((c) => c.role === 'code' && c.codeFor === undefined);
  const tierCodes = new Map(header.columns.filter((c) => c.role === 'code' && c.codeFor !== undefined).map((c) => [c.codeFor as number, c.col]));
  return {
    tiers,
    promotable,
    numbering: first('numbering'),
    code: codeSpec?.col ?? null,
    tierCodes,
    codeWeak: codeSpec?.weak === true,
    parentCode: first('parentCode'),
    // Extra title columns read as more content rather than being lost.
    content: [...titles.slice(1), ...content],
    standard,
    methods: cols('methods'),
    score: first('score'),
    scores: cols('score'),
    materials: cols('materials'),
    gradeLabels: new Map(
      header.columns
        .filter((c) => c.role === 'standard')
        .map((c) => [c.col, c.header.split('/').pop() ?? ''] as const)
        .filter(([, label]) => GRADE.test(fold(label))),
    ),
    unit: cols('unit'),
    person: cols('person'),
    deadline: first('deadline'),
    roleOf: new Map(header.columns.map((c) => [c.col, c.role])),
  };
}
