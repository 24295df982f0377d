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
  /** Called on first use with the opened archive (a renderer may write its pages to `tmpDir`). */
  createRenderer?: (archive: Archive) => Promise<HtmlRenderer | null>;
}

/** How other processes name this one when it holds the archive. */
const PROGRAM_NAMES: Record<AppInfo['transport'], string> = { electron: '桌面程序', http: '浏览器模式', direct: '命令行' };

export function createContext(options: CreateContextOptions): CoreContext {
  const archive = openArchive(options.archiveDir, { nativeBinding: options.nativeBinding, program: PROGRAM_NAMES[options.transport] });
  let rendererPromise: Promise<HtmlRenderer | null> | null = null;
  return {
    archive,
    jobs: new JobRegistry(),
    resourcesDir: options.resourcesDir ?? findResourcesDir(),
    transport: options.transport,
    renderer: () => {
      rendererPromise ??= options.createRenderer ? options.createRenderer(archive).catch(() => null) : Promise.resolve(null);
      return rendererPromise;
    },
    async close() {
      if (rendererPromise) await (await rendererPromise)?.close();
      archive.close();
    },
  };
}
