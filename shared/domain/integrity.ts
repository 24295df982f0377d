/** The four checks of DA/T 70 (四性检测). */
export type VerifyCheck = 'authenticity' | 'integrity' | 'usability' | 'security';

export const VERIFY_CHECK_LABELS: Record<VerifyCheck, string> = {
  authenticity: '真实性',
  integrity: '完整性',
  usability: '可用性',
  security: '安全性',
};

export interface VerifyProblem {
  check: VerifyCheck;
  /** error: the archive is damaged or incomplete; warning: kept as filed, but needs a look. */
  severity: 'error' | 'warning';
  materialId: number | null;
  /** The material's 题名 when there is one. */
  title: string | null;
  sha256: string | null;
  /** The stored file on disk. */
  file: string | null;
  message: string;
}

export interface VerifySection {
  check: VerifyCheck;
  label: string;
  /** What this heading looked at, in words (e.g. “SHA-256、大小、格式、页数”). */
  scope: string;
  checked: number;
  errors: number;
  warnings: number;
}

export interface VerifyReport {
  /** No errors (warnings allowed). */
  ok: boolean;
  archivePath: string;
  checkedAt: string;
  filesChecked: number;
  materialsChecked: number;
  sections: VerifySection[];
  problems: VerifyProblem[];
}

/** What opening the archive found; orphans are listed again by 四性检测 until resolved. */
export interface OpenStatus {
  tmpEntriesCleared: number;
  orphans: string[];
}

export interface VerifyExport {
  path: string;
}

export interface QuarantineResult {
  dir: string;
  moved: string[];
}

export interface BackupInfo {
  file: string;
  createdAt: string;
  size: number;
  automatic: boolean;
}

export interface BackupResult extends BackupInfo {
  blobCount: number;
  /**
   * Originals the database lists that were already missing from the store (四性检测's
   * 原始文件缺失): the backup holds everything else, and says which ones it could not hold.
   */
  missingOriginals: string[];
  /** SHA-256 of the manifest inside the backup. */
  manifestSha256: string;
}

export interface BackupList {
  dir: string;
  backups: BackupInfo[];
}

export interface RestoreResult {
  archivePath: string;
  filesRestored: number;
  report: VerifyReport;
}
