import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createBackup } from '../electron/core/backup/createBackup';
import { restoreBackup } from '../electron/core/backup/restoreBackup';
import { createContext } from '../electron/core/context';
import { createDirectClient } from '../electron/core/directClient';
import { createHandlers } from '../electron/core/handlers';
import { sha256File } from '../electron/core/store/hash';
import { tempDir, timed, withPeakRss } from './util';

/**
 * 四性检测, backup and restore over `count` 1 MB files. Baselines in the same run: hashing every
 * file once (what verify cannot avoid) and copying every file once (what backup and restore
 * cannot avoid).
 */
export async function benchIntegrity(count: number) {
  const inputs = tempDir('dossier-bench-integrity-');
  const files: string[] = [];
  for (let i = 0; i < count; i += 1) {
    // Binary content: no text extraction, so the figures are about the files, not the index.
    const file = path.join(inputs, `录像${i}.bin`);
    fs.writeFileSync(file, randomBytes(1024 * 1024));
    files.push(file);
  }
  const ctx = createContext({ archiveDir: tempDir('dossier-bench-integrity-a-'), transport: 'direct' });
  const api = createDirectClient(createHandlers(ctx));
  const dossier = await api['dossiers.create']({ name: 'bench' });
  await api['materials.add']({ dossierId: dossier.id, paths: [inputs] });

  const hashAll = await timed(async () => {
    for (const f of files) await sha256File(f);
  });
  const copyDir = tempDir('dossier-bench-copy-');
  const copyAll = await timed(async () => {
    for (const f of files) await fs.promises.copyFile(f, path.join(copyDir, path.basename(f)));
  });
  const verify = await withPeakRss(() => timed(() => api['integrity.verify']({})));
  const zip = path.join(tempDir('dossier-bench-zip-'), 'b.zip');
  const backup = await withPeakRss(() => timed(() => createBackup(ctx.archive, zip)));
  await ctx.close();
  const restore = await withPeakRss(() => timed(() => restoreBackup(zip, path.join(tempDir('dossier-bench-r-'), 'r'))));

  return {
    bench: '四性检测 / backup / restore (1 MB files)',
    files: count,
    verifyMs: Math.round(verify.value.ms),
    verifyOk: verify.value.value.ok,
    baselineHashAllMs: Math.round(hashAll.ms),
    verifyRatioVsHashing: Number((verify.value.ms / hashAll.ms).toFixed(2)),
    backupMs: Math.round(backup.value.ms),
    restoreMs: Math.round(restore.value.ms),
    baselineCopyAllMs: Math.round(copyAll.ms),
    backupRatioVsCopy: Number((backup.value.ms / copyAll.ms).toFixed(2)),
    restoreRatioVsCopy: Number((restore.value.ms / copyAll.ms).toFixed(2)),
    peakRssMb: Math.max(verify.peakMb, backup.peakMb, restore.peakMb),
  };
}
