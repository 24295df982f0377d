// PDFs built to hurt: a content stream that inflates to 256 MiB from a few hundred KB, and 200
// pages that share one 80 MiB stream (a reader parses it again for every page). Each is kept
// with a named reason, costs at most its limit, and never holds the main thread: the archive
// answers other requests meanwhile, 四性检测 names them without inflating them, and the packet
// shows a placeholder for each and still passes qpdf --check.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddReport, VerifyReport } from '../../shared/domain';
import { PDF_LIMITS } from '../../electron/core/extract/pdfReader';
import { exportJob } from '../helpers/exportJob';
import { pdfText } from '../helpers/pdfTools';
import { openTestArchive, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';
import { bombPdf, textPdf } from './hostilePdfs';

const MiB = 1024 * 1024;

describe('decompression bombs in PDFs', () => {
  let t: TestArchive;
  let dossierId: number;
  let report: AddReport;
  let longestStallMs: number;
  let answeredMeanwhile = 0;
  let verify: VerifyReport;

  beforeAll(async () => {
    const inputs = tempDir('dossier-pdf-bombs-');
    await bombPdf(path.join(inputs, '解压炸弹.pdf'), 256 * MiB);
    await bombPdf(path.join(inputs, '两百页共用一个内容流.pdf'), 80 * MiB, 200);
    // Each page under the per-page cap, all of them together far over the document's.
    await bombPdf(path.join(inputs, '两百页共用较小内容流.pdf'), 40 * MiB, 200);
    await bombPdf(path.join(inputs, '双重压缩.pdf'), 256 * MiB, 1, true);
    await textPdf(path.join(inputs, 'ordinary.pdf'), 'Volunteer service ledger 2024');
    t = openTestArchive();
    const sample = await sampleDossier(t.api);
    dossierId = sample.dossier.id;
    const leaf = sample.indicators.find((i) => !sample.indicators.some((j) => j.parentId === i.id))!;

    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    let importing = true;
    const others = (async () => {
      while (importing) {
        await t.api['dossiers.list']({});
        answeredMeanwhile += 1;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    report = await t.api['materials.add']({ dossierId, paths: [inputs], indicatorIds: [leaf.id] });
    importing = false;
    await others;
    delay.disable();
    longestStallMs = delay.max / 1e6;
    verify = await t.api['integrity.verify']({});
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  it('keeps every file, names each bomb, and reads the ordinary one', async () => {
    expect(report.failed).toEqual([]);
    expect(report.added).toHaveLength(5);
    const notice = (name: string) => report.added.find((a) => a.path.endsWith(name))!.notice ?? '';
    expect(notice('解压炸弹.pdf')).toContain(`第 1 页的内容解压后超过 ${PDF_LIMITS.maxPageBytes / MiB} MB`);
    expect(notice('两百页共用一个内容流.pdf')).toContain('解压炸弹');
    expect(notice('两百页共用较小内容流.pdf')).toContain(`各页内容解压后合计超过 ${PDF_LIMITS.maxDocumentBytes / MiB} MB`);
    expect(notice('双重压缩.pdf')).toContain('第 1 页的内容解压后超过');
    expect(notice('ordinary.pdf')).toBe('');
    const shared = report.added.find((a) => a.path.endsWith('两百页共用一个内容流.pdf'))!;
    expect(shared.material.pages).toBe(200);
    const hits = (await t.api['materials.search']({ dossierId, query: 'Volunteer' })).hits;
    expect(hits.map((h) => h.material.originalName)).toEqual(['ordinary.pdf']);
  });

  it('never holds the main thread: other requests are answered while the bombs are read', () => {
    // Before, pdf.js inflated the stream on the main thread for minutes.
    expect(longestStallMs).toBeLessThan(1500);
    expect(answeredMeanwhile).toBeGreaterThan(3);
  });

  it('stores each with the text state it ended in, in the row written with it', () => {
    const states = t.ctx.archive.db
      .prepare('SELECT m.original_name AS name, b.text_state AS state FROM material m JOIN blob b ON b.sha256 = m.sha256 ORDER BY m.original_name')
      .all() as { name: string; state: string }[];
    expect(Object.fromEntries(states.map((s) => [s.name, s.state]))).toEqual({
      'ordinary.pdf': 'done',
      '两百页共用一个内容流.pdf': 'failed',
      '两百页共用较小内容流.pdf': 'failed',
      '双重压缩.pdf': 'failed',
      '解压炸弹.pdf': 'failed',
    });
  });

  it('四性检测 names the bombs under 安全性 without opening them whole', () => {
    const security = verify.problems.filter((p) => p.check === 'security').map((p) => p.message);
    expect(security.filter((m) => m.includes('解压炸弹'))).toHaveLength(4);
    expect(verify.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('exports a packet with a placeholder for each bomb that passes qpdf --check', async () => {
    const outDir = path.join(t.dir, 'exports', 'bombs');
    const job = await exportJob(t.api, { dossierId, outDir, pdf: true, xlsx: false, folder: false });
    const pdf = job.result!.pdfPath!;
    const check = spawnSync('qpdf', ['--check', pdf], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(fs.statSync(pdf).size).toBeLessThan(20 * MiB);
    // Each bomb's placeholder says why (not “cannot be parsed”), and the packet text shows it too.
    const bombs = job.result!.notices.filter((n) => n.reason.includes('解压炸弹')).map((n) => n.title);
    expect(bombs.sort()).toEqual(['两百页共用一个内容流', '两百页共用较小内容流', '双重压缩', '解压炸弹'].sort());
    expect(pdfText(pdf)).toContain('Volunteer service ledger');
  });
});
