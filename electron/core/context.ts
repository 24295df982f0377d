import type { AppInfo } from '../../shared/domain';
import { openArchive, type Archive } from './archive/archive';
import type { OpenDatabaseOptions } from './archive/database';
import { JobRegistry } from './jobs/jobRegistry';
import type { HtmlRenderer } from './render/htmlRenderer';
import { findResourcesDir } from './resourcesDir';

/** Everything a handler needs; one per opened archive. */
export interface CoreContext {
  archive: Archive;
  jobs: JobRegistry;
  resourcesDir: string;
  transport: AppInfo['transport'];
  /** Lazily created; null where no Chromium is available (then DOCX pages say so). */
  renderer: () => Promise<HtmlRenderer | null>;
  close(): Promise<void>;
}

export interface CreateContextOptions extends OpenDatabaseOptions {
  archiveDir: string;
  transport: AppInfo['transport'];
  resourcesDir?: string;
  createRenderer?: () => Promise<HtmlRenderer | null>;
}

export function createContext(options: CreateContextOptions): CoreContext {
  const archive = openArchive(options.archiveDir, { nativeBinding: options.nativeBinding });
  let rendererPromise: Promise<HtmlRenderer | null> | null = null;
  return {
    archive,
    jobs: new JobRegistry(),
    resourcesDir: options.resourcesDir ?? findResourcesDir(),
    transport: options.transport,
    renderer: () => {
      rendererPromise ??= options.createRenderer ? options.createRenderer().catch(() => null) : Promise.resolve(null);
      return rendererPromise;
    },
    async close() {
      if (rendererPromise) await (await rendererPromise)?.close();
      archive.close();
    },
  };
}
