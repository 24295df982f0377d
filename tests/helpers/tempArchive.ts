import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiClient } from '../../shared/api';
import { createContext, type CoreContext } from '../../electron/core/context';
import { createDirectClient } from '../../electron/core/directClient';
import { createHandlers } from '../../electron/core/handlers';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

export function tempDir(prefix = 'dossier-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestArchive {
  dir: string;
  ctx: CoreContext;
  api: ApiClient;
  close(): Promise<void>;
}

/** A real archive (SQLite file + store) in a temp folder, behind the direct transport. */
export function openTestArchive(dir = tempDir()): TestArchive {
  const ctx = createContext({ archiveDir: dir, transport: 'direct' });
  return { dir, ctx, api: createDirectClient(createHandlers(ctx)), close: () => ctx.close() };
}

/** A dossier on the bundled 文明单位 sample system. */
export async function sampleDossier(api: ApiClient) {
  const templates = await api['systems.templates']({});
  const template = templates.find((t) => t.name.includes('文明单位')) ?? templates[0];
  const system = await api['systems.importTemplate']({ templateId: template.id });
  const dossier = await api['dossiers.create']({ name: '2024年度文明单位创建', unit: '示例单位', systemId: system.id });
  const indicators = await api['indicators.list']({ systemId: system.id });
  return { system, dossier, indicators };
}
