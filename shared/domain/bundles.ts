// 成员单位报送: 任务包 (lead → unit) and 报送包 (unit → lead), review and progress. Format: electron/core/bundles/FORMAT.md.

export type ReviewState = 'pending' | 'passed' | 'returned';

export const reviewStateLabels: Record<ReviewState, string> = { pending: '待审', passed: '通过', returned: '退回' };

export interface MaterialReview {
  state: ReviewState;
  comment: string;
  at: string;
}

/** Who provided a material and how it was judged (lead); the lead's judgement as received (unit). */
export interface MaterialStatus {
  materialId: number;
  /** 提供单位: every unit that sent this content (stored once). */
  providedBy: string[];
  /** 报送时间 of the latest 报送包 that brought it. */
  submittedAt: string | null;
  review: MaterialReview | null;
}

export interface TaskExportResult {
  file: string;
  unit: string;
  round: number;
  indicators: number;
  returned: number;
}

export interface TaskOpenResult {
  dossierId: number;
  created: boolean;
  unit: string;
  round: number;
  indicatorsAdded: number;
  indicatorsUpdated: number;
  reviewsApplied: number;
  /** A 任务包 already applied (same round): nothing changed. */
  unchanged: boolean;
}

export interface SubmitResult {
  file: string;
  round: number;
  materials: number;
  withdrawn: number;
  /** Materials not carried (an original missing from the store), with the reason. */
  skipped: { materialId: number; title: string; reason: string }[];
}

export interface ReceivedItem {
  materialId: number;
  title: string;
  indicators: string[];
}

export interface SubmissionImportResult {
  submissionId: number | null;
  unit: string;
  round: number;
  alreadyImported: boolean;
  added: ReceivedItem[];
  /** Content the archive already had (from the lead or another unit): stored once, linked. */
  duplicates: (ReceivedItem & { providedBy: string[] })[];
  changed: ReceivedItem[];
  unchanged: number;
  /** Filed under indicators not assigned to the unit (or under none); imported all the same. */
  outsideAssignment: ReceivedItem[];
  withdrawn: ReceivedItem[];
  /** The lead edited the material since the unit's last version: the lead's stays until chosen (VersionConflict). */
  conflicts: ReceivedItem[];
  refused: { title: string; originalName: string; reason: string }[];
}

/** A unit's version of a material the lead also edited, waiting for the lead's choice. */
export interface VersionConflict {
  materialId: number;
  unit: string;
  /** The lead's current title. */
  title: string;
  receivedAt: string;
  /** Only where the two versions differ, labelled as the clerk knows the fields. */
  differences: { field: string; lead: string; unit: string }[];
}

export interface SubmissionInfo {
  id: number;
  unit: string;
  round: number;
  createdAt: string;
  importedAt: string;
  fileName: string;
  added: number;
  duplicates: number;
  changed: number;
  outsideAssignment: number;
  refused: number;
}

export interface UnitProgress {
  unit: string;
  assigned: number;
  covered: number;
  pending: number;
  passed: number;
  returned: number;
  overdue: number;
  lastSubmission: string | null;
}

/** A kept 每半月汇报: the figures it showed, per unit and in total. */
export interface ProgressReport {
  /** “2024年7月上半月”. */
  period: string;
  /** The day it counted to (deadlines before it are overdue). */
  asOf: string;
  madeAt: string;
  totals: { units: number; assigned: number; covered: number; pending: number; passed: number; returned: number; overdue: number };
  units: UnitProgress[];
}

/** A 报送档案 (unit side): the unit it answers for and the rounds so far. */
export interface TaskLinkInfo {
  dossierId: number;
  unit: string;
  taskRound: number;
  submitRound: number;
}
