import type { AppInfo } from '../../shared/domain';
import { openArchive, type Archive } from './archive/archive';
import { clearAbandonedRestores } from './backup/restoreStaging';
import type { OpenDatabaseOptions } from './archive/database';
import { JobRegistry } from './jobs/jobRegistry';
import { OcrRunner } from './ocr/ocrRunner';
import { startRenderer, type HtmlRenderer, type RendererState } from './render/htmlRenderer';
import { findResourcesDir } from './resourcesDir';
import { startSearchIndexer, type SearchIndexer } from './search/searchIndexer';

/** Everything a handler needs; one per opened archive. */
export interface CoreContext {
  archive: Archive;
  jobs: JobRegistry;
  /** Writes the search index of new and changed materials in the background. */
  searchIndexer: SearchIndexer;
  /** Reads scans and document photos by OCR in the background (by itself in the app and browser mode). */
  ocr: OcrRunner;
  resourcesDir: string;
  transport: AppInfo['transport'];
  /** Started on first use; where none can start, why (an export asks before using placeholders). */
  renderer: () => Promise<RendererState>;
  close(): Promise<void>;
}

export interface CreateContextOptions extends OpenDatabaseOptions {
  archiveDir: string;
  transport: AppInfo['transport'];
  resourcesDir?: string;
  /** Called on first use with the opened archive (a renderer may write its pages to `tmpDir`). */
  createRenderer?: (archive: Archive) => Promise<HtmlRenderer | null>;
  /** Where the shell's log goes (the reason a renderer failed to start, say); stderr by default. */
  log?: (line: string) => void;
}

/** How other processes name this one when it holds the archive. */
const PROGRAM_NAMES: Record<AppInfo['transport'], string> = { electron: '桌面程序', http: '浏览器模式', direct: '命令行' };

export function createContext(options: CreateContextOptions): CoreContext {
  clearAbandonedRestores(); // what a restore killed half-way left beside its target
  const archive = openArchive(options.archiveDir, { nativeBinding: options.nativeBinding, program: PROGRAM_NAMES[options.transport] });
  let rendererPromise: Promise<RendererState> | null = null;
  const log = options.log ?? ((line: string) => console.error(line));
  const searchIndexer = startSearchIndexer(archive.db, (error) => log(`搜索索引未能更新（稍后重试）：${String(error)}`));
  const jobs = new JobRegistry();
  // A command returns once its files are stored; only `dossier ocr` reads them.
  const ocr = new OcrRunner(archive, jobs, options.transport !== 'direct', () => searchIndexer.kick());
  return {
    archive,
    jobs,
    searchIndexer,
    ocr,
    resourcesDir: options.resourcesDir ?? findResourcesDir(),
    transport: options.transport,
    renderer: () => {
      const create = options.createRenderer;
      rendererPromise ??= startRenderer(create ? () => create(archive) : async () => null, log);
      const current = rendererPromise;
      // A failed start is not kept: the next export tries again (a browser may be installed now).
      void current.then((state) => {
        if (state.problem !== null && rendererPromise === current) rendererPromise = null;
      });
      return current;
    },
    async close() {
      await ocr.stop();
      searchIndexer.stop();
      if (rendererPromise) await (await rendererPromise).renderer?.close();
      archive.close();
    },
  };
}
