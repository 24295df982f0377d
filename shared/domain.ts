// Domain types shared by the core, every transport and the renderer.
// Plain data only: what crosses the contract must survive JSON.

export type IndicatorKind = 'scored' | 'veto' | 'bonus';

export type MaterialKind =
  | 'document'
  | 'photo'
  | 'photo_group'
  | 'minutes'
  | 'video'
  | 'spreadsheet'
  | 'other';

export const materialKindLabels: Record<MaterialKind, string> = {
  document: '文件资料',
  photo: '图片资料',
  photo_group: '组照',
  minutes: '会议纪要',
  video: '影像资料',
  spreadsheet: '表格',
  other: '其他',
};

export interface Dossier {
  id: number;
  name: string;
  unit: string;
  period: string;
  systemId: number | null;
  inspectionDate: string | null;
  createdAt: string;
}

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

export interface Material {
  id: number;
  dossierId: number;
  kind: MaterialKind;
  title: string;
  sha256: string;
  size: number;
  mediaType: string;
  originalName: string;
  /** DA/T 22 fields */
  responsible: string;
  docNumber: string;
  date: string;
  securityLevel: string;
  retention: string;
  pages: number | null;
  note: string;
  /** Whether the file can be merged into a packet PDF (false for encrypted PDFs). */
  mergeable: boolean;
  hasThumbnail: boolean;
  indicatorIds: number[];
  createdAt: string;
}

export interface AddedFile {
  path: string;
  material: Material;
}

export interface DuplicateFile {
  path: string;
  material: Material;
  /** Where the existing material is filed, in words for the clerk. */
  message: string;
}

export interface FailedFile {
  path: string;
  reason: string;
}

export interface AddReport {
  added: AddedFile[];
  duplicates: DuplicateFile[];
  failed: FailedFile[];
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

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface ExportResult {
  outDir: string;
  pdfPath: string | null;
  xlsxPath: string | null;
  folderPath: string | null;
  pageCount: number;
  materialCount: number;
  /** Materials shown as a placeholder page instead of their content, with the reason. */
  notices: { title: string; reason: string }[];
}

export interface Job {
  id: string;
  kind: 'export';
  state: JobState;
  /** 0..1 */
  progress: number;
  message: string;
  error: string | null;
  result: ExportResult | null;
}

export interface VerifyProblem {
  check: 'authenticity' | 'integrity' | 'usability' | 'security';
  materialId: number | null;
  sha256: string | null;
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  filesChecked: number;
  problems: VerifyProblem[];
}

export interface TemplateInfo {
  id: string;
  name: string;
}

export interface AppInfo {
  archivePath: string;
  version: string;
  /** What this transport can do that others cannot (e.g. native dialogs). */
  transport: 'electron' | 'http' | 'direct';
}
