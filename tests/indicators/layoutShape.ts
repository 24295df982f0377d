/** The shape of an imported tree, compared whole in tests/indicators/layouts*.test.ts. */
export interface Row {
  code: string;
  parentCode: string | null;
  title: string;
  score: number | null;
  kind: 'scored' | 'veto' | 'bonus';
}

export interface Shape {
  /** Nodes per level: [level 1, level 2, …]. */
  levels: number[];
  /** Per top-level category: the sum of its leaves' scores (null when none has a score). */
  leafScores: Record<string, number | null>;
  vetoItems: number;
  bonusItems: number;
}

export function shapeOf(rows: readonly Row[]): Shape {
  const depth = new Map<string, number>();
  const top = new Map<string, string>();
  const levels: number[] = [];
  const hasChildren = new Set(rows.map((r) => r.parentCode).filter((c): c is string => c !== null));
  const leafScores: Record<string, number | null> = {};
  let vetoItems = 0;
  let bonusItems = 0;
  for (const r of rows) {
    const d = r.parentCode === null ? 1 : (depth.get(r.parentCode) ?? 0) + 1;
    depth.set(r.code, d);
    levels[d - 1] = (levels[d - 1] ?? 0) + 1;
    const category = r.parentCode === null ? r.title : (top.get(r.parentCode) ?? '?');
    top.set(r.code, category);
    if (!(category in leafScores)) leafScores[category] = null;
    if (hasChildren.has(r.code)) continue;
    if (r.kind === 'veto') vetoItems++;
    if (r.kind === 'bonus') bonusItems++;
    if (r.score !== null) leafScores[category] = Math.round(((leafScores[category] ?? 0) + r.score) * 1000) / 1000;
  }
  return { levels, leafScores, vetoItems, bonusItems };
}

export interface Layout {
  file: string;
  shape: Shape;
  /** Units the 负责部门 column brings into the register, in order of first mention. */
  units: string[];
  /** Titles of the top-level categories, as written. */
  categories: string[];
  /** Every warning, matched in order. */
  warnings: RegExp[];
}

/** What each file of tests/fixtures/indicators-layouts must give (see its README). */
export const LAYOUTS: Layout[] = [
  {
    file: 'code-name-columns.xlsx',
    shape: { levels: [2, 3, 6], leafScores: { 领导班子建设: 15, 思想道德建设: 10 }, vetoItems: 0, bonusItems: 0 },
    units: ['党办', '纪检组', '工会', '宣传科'],
    categories: ['领导班子建设', '思想道德建设'],
    warnings: [],
  },
  {
    file: 'traditional-gbk.csv',
    shape: { levels: [3, 4, 7], leafScores: { 組織領導: 10, 誠信建設: 10, 加分項: 3 }, vetoItems: 0, bonusItems: 2 },
    units: ['辦公室', '綜合科', '宣傳科'],
    categories: ['組織領導', '誠信建設', '加分項'],
    warnings: [],
  },
  {
    file: 'veto-table.docx',
    shape: { levels: [3, 7], leafScores: { 组织领导: 10, 志愿服务: 10, 一票否决项: null }, vetoItems: 3, bonusItems: 0 },
    units: ['办公室', '工会', '团委'],
    categories: ['组织领导', '志愿服务', '一票否决项'],
    warnings: [],
  },
  {
    file: 'veto-list.docx',
    shape: { levels: [3, 7], leafScores: { 思想道德建设: 7, 校园文化: 4, 否决项: null }, vetoItems: 3, bonusItems: 0 },
    units: [],
    categories: ['思想道德建设', '校园文化', '否决项'],
    warnings: [/“校园环境整洁优美”.*“（L5分）”不是有效的数字/],
  },
  {
    file: 'no-scores.xlsx',
    shape: { levels: [2, 5], leafScores: { 思想道德建设: null, 创建工作: null }, vetoItems: 0, bonusItems: 0 },
    units: [],
    categories: ['思想道德建设', '创建工作'],
    warnings: [],
  },
  {
    file: 'graded-sheets.xlsx',
    shape: { levels: [4, 8], leafScores: { 组织建设: 12, 精神文明: 8, 加分项: 5, 否决项: null }, vetoItems: 2, bonusItems: 2 },
    units: ['组织部', '办公室', '宣传部', '团委'],
    categories: ['组织建设', '精神文明', '加分项', '否决项'],
    warnings: [],
  },
  {
    file: 'roman-outline.csv',
    shape: { levels: [3, 5], leafScores: { 组织建设: 10, 文明风尚: 10, 加分项: 3 }, vetoItems: 0, bonusItems: 1 },
    units: ['办公室', '人事科', '宣传科'],
    categories: ['组织建设', '文明风尚', '加分项'],
    warnings: [],
  },
  {
    file: 'two-row-pairs.xlsx',
    shape: { levels: [2, 3], leafScores: { 组织领导: 5, 志愿服务: 5 }, vetoItems: 0, bonusItems: 0 },
    units: ['办公室', '工会', '团委'],
    categories: ['组织领导', '志愿服务'],
    warnings: [],
  },
  {
    file: 'same-sheet-veto.xlsx',
    shape: { levels: [2, 4], leafScores: { 组织领导: 10, 一票否决项: null }, vetoItems: 2, bonusItems: 0 },
    units: [],
    categories: ['组织领导', '一票否决项'],
    warnings: [],
  },
  {
    file: 'traditional.xlsx',
    shape: { levels: [2, 3], leafScores: { 組織建設: 10, 否決項目: null }, vetoItems: 1, bonusItems: 0 },
    units: ['組織部', '辦公室'],
    categories: ['組織建設', '否決項目'],
    warnings: [],
  },
  {
    file: 'auto-numbered.docx',
    shape: {
      levels: [5, 4],
      leafScores: { '机关作风建设，服务群众满意率90%以上': 10, 开展文明礼仪教育: 5, 机关环境整洁有序: 5, 加分项目: 5, 否决条件: null },
      vetoItems: 2,
      bonusItems: 2,
    },
    units: ['办公室', '人事科', '后勤科'],
    categories: ['机关作风建设，服务群众满意率90%以上', '开展文明礼仪教育', '机关环境整洁有序', '加分项目', '否决条件'],
    warnings: [],
  },
  {
    file: 'pairs-no-merge-gbk.csv',
    shape: { levels: [2, 3, 4], leafScores: { 组织领导: 20, 志愿服务: 10 }, vetoItems: 0, bonusItems: 0 },
    units: ['办公室', '综合科（党办）', '工会'],
    categories: ['组织领导', '志愿服务'],
    warnings: [],
  },
  {
    file: 'web-copy-traditional.docx',
    shape: { levels: [4, 7, 2], leafScores: { 領導班子建設: 15, 誠信建設: 5, 加分項: 5, 一票否決: null }, vetoItems: 2, bonusItems: 2 },
    units: ['黨辦', '紀檢組', '辦公室'],
    categories: ['領導班子建設', '誠信建設', '加分項', '一票否決'],
    warnings: [],
  },
  {
    file: 'cover-and-split.docx',
    shape: { levels: [2, 4], leafScores: { 组织领导: 10, 文明实践: 10 }, vetoItems: 0, bonusItems: 0 },
    units: [],
    categories: ['组织领导', '文明实践'],
    warnings: [/第 2 个表格后面的 1 个表格.*续表/],
  },
  {
    file: 'twin-headings.csv',
    shape: { levels: [2, 2, 3], leafScores: { 领导班子建设: 7, 思想道德建设: 6 }, vetoItems: 0, bonusItems: 0 },
    units: [],
    categories: ['领导班子建设', '思想道德建设'],
    warnings: [],
  },
  {
    file: 'numbered-levels.csv',
    shape: { levels: [2, 3, 4], leafScores: { 组织领导: 20, 志愿服务: 10 }, vetoItems: 0, bonusItems: 0 },
    units: ['办公室', '综合科', '工会'],
    categories: ['组织领导', '志愿服务'],
    warnings: [],
  },
  {
    file: 'notes-sheet.xlsx',
    shape: { levels: [3, 2], leafScores: { 组织领导: 10, 志愿服务: 10, 否决项: null }, vetoItems: 2, bonusItems: 0 },
    units: [],
    categories: ['组织领导', '志愿服务', '否决项'],
    warnings: [],
  },
  {
    file: 'person-deadline.xlsx',
    shape: { levels: [2, 3], leafScores: { 组织领导: 10, 文明实践: 10 }, vetoItems: 0, bonusItems: 0 },
    units: ['办公室', '工会'],
    categories: ['组织领导', '文明实践'],
    warnings: [/“开展志愿服务活动”.*完成时限“6月底前”不是“年-月-日”的日期/],
  },
  {
    file: 'sheet-per-category.xlsx',
    shape: { levels: [3, 5], leafScores: { 组织领导: 10, 文明实践: 10, 加分项: 5 }, vetoItems: 0, bonusItems: 1 },
    units: ['办公室', '工会', '宣传科'],
    categories: ['组织领导', '文明实践', '加分项'],
    warnings: [],
  },
  {
    file: 'inline-sections.docx',
    shape: { levels: [3, 4], leafScores: { 组织建设: 10, 加分项: 2, 否决项: null }, vetoItems: 1, bonusItems: 1 },
    units: ['办公室', '工会', '安全科'],
    categories: ['组织建设', '加分项', '否决项'],
    warnings: [],
  },
];
