import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiClient } from '../../shared/api';
import { createContext, type CoreContext } from '../../electron/core/context';
import { createDirectClient } from '../../electron/core/directClient';
import { createHandlers } from '../../electron/core/handlers';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

const madeHere = new Set<string>();

/**
 * A fresh temp folder. Test and bench runs write gigabytes (1,000 photos, a 2 GB sparse file) and
 * must not fill the disk run after run: under vitest it lies in the run's root, which
 * tests/globalSetup.ts removes at the end; elsewhere (bench) it is removed when this process
 * exits. DOSSIER_KEEP_TEMP=1 keeps them for a look.
 */
export function tempDir(prefix = 'dossier-test-'): string {
  const dir = fs.mkdtempSync(path.join(process.env.DOSSIER_TEMP_ROOT ?? os.tmpdir(), prefix));
  if (process.env.DOSSIER_KEEP_TEMP) return dir;
  if (madeHere.size === 0) {
    process.once('exit', () => {
      for (const made of madeHere) fs.rmSync(made, { recursive: true, force: true });
    });
  }
  madeHere.add(dir);
  return dir;
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
