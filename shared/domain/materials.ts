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

/**
 * 会议纪要 filled in as a form in the app. Stored as the material's content: a JSON blob of
 * this shape with media type MINUTES_MEDIA_TYPE, so it is hashed, verified and exported like
 * any other file; viewers and packets render it as a formatted page.
 */
export interface MinutesForm {
  meetingName: string;
  /** Date and time as the clerk writes them, e.g. “2024年3月15日 14:30”. */
  time: string;
  place: string;
  host: string;
  attendees: string;
  absentees: string;
  recorder: string;
  topics: string;
  decisions: string;
}

export const MINUTES_MEDIA_TYPE = 'application/vnd.dossier.minutes+json';
