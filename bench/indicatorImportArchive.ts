import fs from 'node:fs';
import path from 'node:path';
import { createContext } from '../electron/core/context';
import { createDirectClient } from '../electron/core/directClient';
import { createHandlers } from '../electron/core/handlers';
import { tempDir } from './util';

/** Preview then import the file into a fresh archive, as the clerk's 预览 → 确认导入 does. */
export async function previewAndImport(file: string): Promise<number> {
  const dir = tempDir('dossier-bench-ind-archive-');
  const ctx = createContext({ archiveDir: path.join(dir, 'a'), transport: 'direct' });
  try {
    const api = createDirectClient(createHandlers(ctx));
    const preview = await api['systems.preview']({ path: file });
    const system = await api['systems.importFile']({ path: file, mapping: preview.mapping ?? undefined });
    return system.indicatorCount;
  } finally {
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
