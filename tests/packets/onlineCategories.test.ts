// 网上申报 by category: beside the per-indicator PDFs, 按类别/<规范文件|情况说明|实景图片|统计表格|音视频>
// folders of the originals, each material's category from its kind unless the clerk chose one
// (API and `dossier edit --online-category`).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDossier } from '../helpers/cli';
import { exportJob } from '../helpers/exportJob';
import { openTestArchive, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';
import { chinesePdf, inputPath, mp4, png } from './fixtures';

const filesUnder = (dir: string) => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();

describe('网上申报 by category', () => {
  let t: TestArchive;
  let dossierId: number;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = openTestArchive(path.join(tempDir('dossier-online-cat-'), 'archive'));
    const sample = await sampleDossier(t.api);
    dossierId = sample.dossier.id;
    const leaf = sample.indicators.find((i) => !sample.indicators.some((j) => j.parentId === i.id))!;
    const inputs = path.join(t.dir, '..', 'inputs');
    const rule = inputPath(inputs, '创建工作制度.pdf');
    await chinesePdf(rule, ['制度']);
    const report = inputPath(inputs, '创建工作总结.pdf');
    await chinesePdf(report, ['总结']);
    const photo = inputPath(inputs, '宣传栏.png');
    await png(photo, 320, 240);
    const video = inputPath(inputs, '宣传片.mp4');
    mp4(video);
    for (const [key, file] of Object.entries({ rule, report, photo, video })) {
      const r = await t.api['materials.add']({ dossierId, paths: [file], indicatorIds: [leaf.id] });
      expect(r.failed).toEqual([]);
      ids[key] = r.added[0].material.id;
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  it('takes each category from the kind, and the clerk’s choice over it', async () => {
    const byId = async () => new Map((await t.api['materials.list']({ dossierId })).map((m) => [m.id, m]));
    let m = await byId();
    expect([ids.rule, ids.report, ids.photo, ids.video].map((id) => m.get(id)!.onlineCategory)).toEqual(['规范文件', '规范文件', '实景图片', '音视频']);
    const [changed] = await t.api['materials.setOnlineCategory']({ materialIds: [ids.report], category: '情况说明' });
    expect(changed).toMatchObject({ onlineCategory: '情况说明', onlineCategorySet: true });
    await expect(t.api['materials.setOnlineCategory']({ materialIds: [ids.report], category: '其他' as never })).rejects.toThrow(/网上申报类别只能是/);
    m = await byId();
    expect(m.get(ids.report)!.onlineCategory).toBe('情况说明');
  });

  it('writes the category folders beside the per-indicator PDFs', async () => {
    const job = await exportJob(t.api, { dossierId, outDir: path.join(t.dir, '..', 'out'), pdf: false, xlsx: false, folder: false, online: true });
    const dir = job.result!.onlineDir!;
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.pdf'))).toHaveLength(1);
    const files = filesUnder(path.join(dir, '按类别'));
    const inCategory = (c: string) => files.filter((f) => f.startsWith(`${c}${path.sep}`));
    expect(inCategory('规范文件').map((f) => path.basename(f))).toEqual([expect.stringMatching(/创建工作制度\.pdf$/)]);
    expect(inCategory('情况说明').map((f) => path.basename(f))).toEqual([expect.stringMatching(/创建工作总结\.pdf$/)]);
    expect(inCategory('实景图片').map((f) => path.basename(f))).toEqual([expect.stringMatching(/宣传栏\.png$/)]);
    expect(inCategory('音视频').map((f) => path.basename(f))).toEqual([expect.stringMatching(/宣传片\.mp4$/)]);
    expect(job.result!.onlineCategories).toEqual({ 规范文件: 1, 情况说明: 1, 实景图片: 1, 统计表格: 0, 音视频: 1 });
    // The copies are the originals, byte for byte.
    const video = path.join(dir, '按类别', inCategory('音视频')[0]);
    const original = (await t.api['materials.list']({ dossierId })).find((x) => x.id === ids.video)!;
    expect(fs.readFileSync(video).equals(fs.readFileSync(t.ctx.archive.store.pathFor(original.sha256)))).toBe(true);
  });

  it('sets and clears a category from the CLI', async () => {
    const archive = t.dir;
    await t.close();
    const set = await runDossier(['edit', String(ids.rule), '--online-category', '统计表格', '--archive', archive]);
    const bad = await runDossier(['edit', String(ids.rule), '--online-category', '照片', '--archive', archive]);
    const back = await runDossier(['edit', String(ids.report), '--online-category', '默认', '--archive', archive]);
    t = openTestArchive(archive);
    expect(set.code, set.stderr).toBe(0);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('网上申报类别只能是 规范文件、情况说明、实景图片、统计表格、音视频 或“默认”：照片');
    expect(back.code, back.stderr).toBe(0);
    const m = new Map((await t.api['materials.list']({ dossierId })).map((x) => [x.id, x]));
    expect(m.get(ids.rule)).toMatchObject({ onlineCategory: '统计表格', onlineCategorySet: true });
    expect(m.get(ids.report)).toMatchObject({ onlineCategory: '规范文件', onlineCategorySet: false });
  });
});
