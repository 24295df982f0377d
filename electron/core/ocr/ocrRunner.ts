import type { JobOf, OcrFailed, OcrStatus } from '../../../shared/domain';
import type { Archive } from '../archive/archive';
import type { JobRegistry } from '../jobs/jobRegistry';
import { OcrEngine } from './engine';
import { runPendingOcr } from './ocrJob';
import { claimedElsewhere, pendingCount } from './ocrStore';

/** How often the app looks for OCR work nobody started (a claim another program gave up). */
const LOOK_AGAIN_MS = 60_000;

/**
 * The archive's OCR job: at most one per program. In the app (`auto`) it starts by itself when
 * there is work (on opening, after an import, when a photo is marked as a document), so reading
 * resumes after a restart; the CLI starts it only for `dossier ocr`. The models load on first use.
 */
export class OcrRunner {
  private jobId: string | null = null;
  private engine: OcrEngine | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly archive: Archive,
    private readonly jobs: JobRegistry,
    private readonly auto: boolean,
    /** After a run: the text read waits for the search index. */
    private readonly onRead: () => void = () => {},
  ) {
    if (auto) {
      this.timer = setInterval(() => this.kick(), LOOK_AGAIN_MS);
      this.timer.unref();
      // Not during the app's first seconds: opening it comes first.
      setTimeout(() => this.kick(), 3000).unref();
    }
  }

  /** The job that reads what waits, the running one if there is one. */
  start(): JobOf<'ocr'> {
    const running = this.current();
    if (running?.state === 'running') return running;
    this.engine ??= new OcrEngine();
    const engine = this.engine;
    const job = this.jobs.start('ocr', async (control) => {
      try {
        return await runPendingOcr(this.archive, engine, control);
      } finally {
        this.onRead();
      }
    }) as JobOf<'ocr'>;
    this.jobId = job.id;
    return job;
  }

  /** Start reading if the app reads by itself and there is work; never throws. */
  kick(): void {
    if (!this.auto || this.current()?.state === 'running') return;
    try {
      if (pendingCount(this.archive.db) > claimedElsewhere(this.archive.db)) this.start();
    } catch {
      // A busy database: the next look starts it.
    }
  }

  current(): JobOf<'ocr'> | null {
    if (!this.jobId) return null;
    try {
      return this.jobs.get(this.jobId) as JobOf<'ocr'>;
    } catch {
      return null;
    }
  }

  status(): OcrStatus {
    const { db } = this.archive;
    const count = (state: string) => db.prepare('SELECT count(*) FROM blob WHERE ocr_state = ?').pluck().get(state) as number;
    const failed = db
      .prepare(
        `SELECT coalesce((SELECT m.title FROM material m WHERE m.sha256 = b.sha256 ORDER BY m.trashed_at IS NOT NULL, m.id LIMIT 1), '') AS materialTitle,
           b.ocr_error AS reason
         FROM blob b WHERE b.ocr_state = 'failed' ORDER BY b.created_at`,
      )
      .all() as OcrFailed[];
    return { pending: count('pending'), done: count('done'), failed, readingElsewhere: this.current()?.state === 'running' ? 0 : claimedElsewhere(db), job: this.current() };
  }

  /** Closing the archive: the job stops between pages, what it read is kept. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    const job = this.current();
    if (job?.state === 'running') {
      this.jobs.cancel(job.id);
      await this.jobs.wait(job.id);
    }
  }
}
