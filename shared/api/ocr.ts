import type { JobOf, Material, OcrStatus } from '../domain';
import { id, noArgs, returns, z } from './define';

export const ocrApi = {
  /** Where OCR stands: how many files wait, are read, failed (and why), this program's job. */
  'ocr.status': returns<OcrStatus>()(noArgs),
  /** Read what waits now, as a job (the running one if any): poll `jobs.get`, stop with `jobs.cancel`. */
  'ocr.start': returns<JobOf<'ocr'>>()(noArgs),
  /** Mark photos as documents (read by OCR) or not (their OCR text is taken off search). */
  'materials.setDocument': returns<Material[]>()(
    z.object({ materialIds: z.array(id).min(1, '请至少选择一份材料').max(100_000), isDocument: z.boolean() }).strict(),
  ),
} as const;
