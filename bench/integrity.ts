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
 * file once (what verify cannot avoid), and hashing plus copying every file once (what backup
 * and restore cannot avoid: each states every file's SHA-256 and writes it once).
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

  // Three rounds of each, medians: one run on a virtual disk varies by half.
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1];
  const rounds = { hash: [] as number[], copy: [] as number[], backup: [] as number[], restore: [] as number[] };
  let backupPeak = 0;
  let restorePeak = 0;
  let restoreOk = true;
  const verify = await withPeakRss(() => timed(() => api['integrity.verify']({})));
  for (let round = 0; round < 3; round += 1) {
    rounds.hash.push((await timed(async () => {
      for (const f of files) await sha256File(f);
    })).ms);
    const copyDir = tempDir('dossier-bench-copy-');
    rounds.copy.push((await timed(async () => {
      for (const f of files) await fs.promises.copyFile(f, path.join(copyDir, path.basename(f)));
    })).ms);
    const zip = path.join(tempDir('dossier-bench-zip-'), 'b.zip');
    const backup = await withPeakRss(() => timed(() => createBackup(ctx.archive, zip)));
    rounds.backup.push(backup.value.ms);
    backupPeak = Math.max(backupPeak, backup.peakMb);
    const restore = await withPeakRss(() => timed(() => restoreBackup(zip, path.join(tempDir('dossier-bench-r-'), 'r'))));
    rounds.restore.push(restore.value.ms);
    restorePeak = Math.max(restorePeak, restore.peakMb);
    restoreOk &&= restore.value.value.report.ok;
  }
  await ctx.close();
  const hashAll = { ms: median(rounds.hash) };
  const copyAll = { ms: median(rounds.copy) };
  const backup = { value: { ms: median(rounds.backup) }, peakMb: backupPeak };
  const restore = { value: { ms: median(rounds.restore) }, peakMb: restorePeak };

  // The floor backup and restore cannot go below: read and hash every original once, and write
  // it once. Goals (trust issue): backup ≤ 2×, restore ≤ 3× that.
  const hashAndCopyMs = hashAll.ms + copyAll.ms;
  return {
    bench: '四性检测 / backup / restore (1 MB files)',
    files: count,
    verifyMs: Math.round(verify.value.ms),
    verifyOk: verify.value.value.ok,
    baselineHashAllMs: Math.round(hashAll.ms),
    verifyRatioVsHashing: Number((verify.value.ms / hashAll.ms).toFixed(2)),
    backupMs: Math.round(backup.value.ms),
    restoreMs: Math.round(restore.value.ms),
    restoreOk,
    baselineCopyAllMs: Math.round(copyAll.ms),
    baselineHashAndCopyMs: Math.round(hashAndCopyMs),
    backupRatioVsHashAndCopy: Number((backup.value.ms / hashAndCopyMs).toFixed(2)),
    backupGoal: 2,
    restoreRatioVsHashAndCopy: Number((restore.value.ms / hashAndCopyMs).toFixed(2)),
    restoreGoal: 3,
    peakRssMb: Math.max(verify.peakMb, backup.peakMb, restore.peakMb),
  };
}
