import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { createContext } from '../electron/core/context';
import { createDirectClient } from '../electron/core/directClient';
import { createHandlers } from '../electron/core/handlers';
import { tempDir, timed, withPeakRss } from './util';

/** Phone-like 12 MP JPEGs with noise (so they compress like photos, not flat colour). */
export async function makePhotos(dir: string, count: number): Promise<string[]> {
  const base = await sharp({
    create: { width: 4000, height: 3000, channels: 3, background: '#7a8' , noise: { type: 'gaussian', mean: 128, sigma: 40 } },
  })
    .jpeg({ quality: 88 })
    .toBuffer();
  const files: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const file = path.join(dir, `IMG_${String(i).padStart(4, '0')}.jpg`);
    // A few different bytes per file so each is a distinct blob.
    fs.writeFileSync(file, Buffer.concat([base, Buffer.from(`bench-${i}`)]));
    files.push(file);
  }
  return files;
}

export async function benchImport(count: number) {
  const inputs = tempDir('dossier-bench-photos-');
  const files = await makePhotos(inputs, count);

  // Baseline: the bare thumbnail loop any importer must at least do.
  const baseline = await timed(async () => {
    for (const f of files) await sharp(f).rotate().resize(320, 320, { fit: 'inside' }).webp().toBuffer();
  });

  const ctx = createContext({ archiveDir: tempDir('dossier-bench-archive-'), transport: 'direct' });
  const api = createDirectClient(createHandlers(ctx));
  const dossier = await api['dossiers.create']({ name: 'bench' });
  const run = await withPeakRss(() => timed(() => api['materials.add']({ dossierId: dossier.id, paths: [inputs] })));
  await ctx.close();

  const added = run.value.value.added.length;
  return {
    bench: 'import photos (12 MP JPEG)',
    photos: count,
    added,
    importMs: Math.round(run.value.ms),
    baselineThumbnailLoopMs: Math.round(baseline.ms),
    throughputRatioVsBaseline: Number((baseline.ms / run.value.ms).toFixed(2)),
    goal: '≥ 0.60',
    peakRssMb: run.peakMb,
  };
}
