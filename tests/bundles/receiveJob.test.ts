// Receiving a 报送包 as a job: progress while the originals are checked and stored; cancelled
// half way, nothing of the bundle stays (no material, no stored file) and it imports whole later.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveSubmission } from '../../electron/core/bundles/receive';
import { tempDir, type TestArchive } from '../helpers/tempArchive';
import { openUnitRound } from '../helpers/unitRound';

describe('receiving a 报送包 as a job', { timeout: 120_000 }, () => {
  const work = tempDir('dossier-receive-job-');
  let lead: TestArchive;
  let dossierId = 0;
  const bundle = path.join(work, '党办.dossier-submit');
  const storeFiles = () => {
    const dir = lead.ctx.archive.store.filesDir;
    return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).filter((f) => fs.statSync(path.join(dir, String(f))).isFile()).length : 0;
  };

  beforeAll(async () => {
    const round = await openUnitRound(work, '党办');
    lead = round.lead;
    dossierId = round.leadDossierId;
    const unit = round.unit;
    try {
      const unitDossier = round.unitDossierId;
      const files = Array.from({ length: 5 }, (_, i) => {
        const f = path.join(work, `党办材料${i + 1}.txt`);
        fs.writeFileSync(f, `党办第${i + 1}份创建材料\n`);
        return f;
      });
      await unit.api['materials.add']({ dossierId: unitDossier, paths: files, indicatorIds: [] });
      await unit.api['submissions.export']({ dossierId: unitDossier, out: bundle });
    } finally {
      await unit.close();
    }
  });
  afterAll(async () => lead?.close());

  it('is cancelled through the job before anything is stored', async () => {
    const before = storeFiles();
    const job = await lead.api['submissions.importJob']({ path: bundle });
    await lead.api['jobs.cancel']({ jobId: job.id });
    expect((await lead.ctx.jobs.wait(job.id)).state).toBe('cancelled');
    expect(await lead.api['materials.list']({ dossierId })).toEqual([]);
    expect(storeFiles()).toBe(before);
  });

  it('cancelled half way leaves nothing, then imports whole with its progress', async () => {
    const before = storeFiles();
    const controller = new AbortController();
    const seen: string[] = [];
    await expect(
      receiveSubmission(lead.ctx.archive, bundle, {
        signal: controller.signal,
        onProgress: (_, message) => {
          seen.push(message);
          if (message.startsWith('正在归入档案 3/5')) controller.abort();
        },
      }),
    ).rejects.toThrow();
    expect(seen.some((m) => m.startsWith('正在核对原始文件'))).toBe(true);
    expect(await lead.api['materials.list']({ dossierId })).toEqual([]);
    expect(await lead.api['submissions.list']({ dossierId })).toEqual([]);
    expect(storeFiles()).toBe(before);

    const job = await lead.api['submissions.importJob']({ path: bundle });
    const done = await lead.ctx.jobs.wait(job.id);
    expect(done.state).toBe('done');
    expect(done.progress).toBe(1);
    expect(done.kind === 'receive' && done.result?.added.length).toBe(5);
    expect((await lead.api['integrity.verify']({})).problems).toEqual([]);
  });
});
