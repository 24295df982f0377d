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
