import path from 'node:path';
import type { ApiClient } from '../../shared/api';
import type { Dossier, Indicator } from '../../shared/domain';
import { ApiError } from '../../shared/errors';
import { defaultArchiveDir } from '../core/archive/defaultLocation';
import { createContext, type CoreContext } from '../core/context';
import { createDirectClient } from '../core/directClient';
import { createHandlers } from '../core/handlers';
import { resolveDossier } from '../core/dossiers/repo';
import { createChromiumRenderer } from '../core/render/chromiumRenderer';

export interface ArchiveOptions {
  archive?: string;
  dossier?: string;
}

/** One opened archive for the length of a command: the direct transport over the core. */
export interface CliSession {
  ctx: CoreContext;
  api: ApiClient;
  dossier(): Dossier;
  indicators(): Promise<Indicator[]>;
  indicatorByCode(code: string): Promise<Indicator>;
  close(): Promise<void>;
}

export function openSession(options: ArchiveOptions): CliSession {
  const archiveDir = options.archive ? path.resolve(options.archive) : defaultArchiveDir();
  const ctx = createContext({ archiveDir, transport: 'direct', createRenderer: createChromiumRenderer });
  const api = createDirectClient(createHandlers(ctx));
  // Cheap at every command; the full orphan scan is left to `dossier verify`.
  const cleared = ctx.archive.openReport.tmpEntriesCleared;
  if (cleared > 0) process.stderr.write(`提示：已清理 ${cleared} 处上次未正常结束的程序留下的临时文件（档案库未受影响）。\n`);
  const dossierId = options.dossier === undefined ? undefined : parseId(options.dossier, '--dossier');
  const session: CliSession = {
    ctx,
    api,
    dossier: () => resolveDossier(ctx.archive.db, dossierId),
    async indicators() {
      const dossier = session.dossier();
      if (dossier.systemId === null) {
        throw new ApiError('bad_input', '此档案还没有测评体系，请先运行 dossier indicators import FILE');
      }
      return api['indicators.list']({ systemId: dossier.systemId });
    },
    async indicatorByCode(code) {
      const found = (await session.indicators()).find((i) => i.code === code);
      if (!found) throw new ApiError('not_found', `测评体系中没有编码为 ${code} 的指标`);
      return found;
    },
    close: () => ctx.close(),
  };
  return session;
}

/** Several material numbers from the command line, each checked like `parseId`. */
export function parseIds(values: string[], what: string): number[] {
  return values.map((v) => parseId(v, what));
}

/** Indicator ids for `--indicator CODE` options, each code checked against the dossier's 测评体系. */
export async function indicatorIdsByCode(s: CliSession, codes: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const code of codes) ids.push((await s.indicatorByCode(code)).id);
  return ids;
}

export function parseId(value: string, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new ApiError('invalid_args', `${what} 应为正整数：${value}`);
  return n;
}
