import type { SubmissionImportResult } from './bundles';
import type { AddReport } from './materials';
import type { OcrReport } from './ocr';
import type { ExportResult } from './packets';

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

/** What each kind of job returns when done. Add a kind here to run new long work as a job. */
export interface JobResults {
  export: ExportResult;
  import: AddReport;
  /** Receiving a 报送包 (bundles). */
  receive: SubmissionImportResult;
  ocr: OcrReport;
}

export type JobKind = keyof JobResults;

interface JobFields<K extends JobKind> {
  id: string;
  kind: K;
  state: JobState;
  /** 0..1 */
  progress: number;
  message: string;
  error: string | null;
  result: JobResults[K] | null;
}

/** A long-running operation, polled by callers on every transport. */
export type Job = { [K in JobKind]: JobFields<K> }[JobKind];

export type JobOf<K extends JobKind> = Extract<Job, { kind: K }>;
