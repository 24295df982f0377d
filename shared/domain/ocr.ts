import type { JobOf } from './jobs';

/** A content OCR could not read, and why (Chinese). */
export interface OcrFailed {
  materialTitle: string;
  reason: string;
}

/** What one run of the OCR job read. */
export interface OcrReport {
  /** Files read to the end. */
  read: number;
  /** Pages of those files whose text came from OCR. */
  pages: number;
  failed: OcrFailed[];
}

/** Where the archive's OCR work stands. */
export interface OcrStatus {
  pending: number;
  done: number;
  failed: OcrFailed[];
  /** Pending files another program (the app, a command) is reading now. */
  readingElsewhere: number;
  /** This program's OCR job, the running one or the last. */
  job: JobOf<'ocr'> | null;
}
