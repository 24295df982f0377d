export type IndicatorKind = 'scored' | 'veto' | 'bonus';

export interface IndicatorSystem {
  id: number;
  name: string;
  source: string;
  createdAt: string;
  indicatorCount: number;
}

export interface Indicator {
  id: number;
  systemId: number;
  parentId: number | null;
  /** Hierarchical code: `1`, `1.2`, `1.2.3`, or the sheet's own code. */
  code: string;
  /** Original numbering as printed (“（一）”, “1.”), kept for display and export. */
  numbering: string;
  title: string;
  content: string;
  standard: string;
  methods: string[];
  score: number | null;
  kind: IndicatorKind;
  requiredMaterials: string;
  responsibleUnit: string;
  position: number;
  depth: number;
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
  missing: boolean;
}

export interface TemplateInfo {
  id: string;
  name: string;
}
