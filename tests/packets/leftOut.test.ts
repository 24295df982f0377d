// Before an export, what it will leave out or show as a placeholder (the core API the export
// dialog reads): materials outside the chosen indicators, 测评小项 without material, and
// materials whose content a page saying why stands in for.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator } from '../../shared/domain';
import { runDossier } from '../helpers/cli';
import { openTestArchive, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';
import { chinesePdf, inputPath, mp4 } from './fixtures';

describe('export summary: what is left out', () => {
  let t: TestArchive;
  let dossierId: number;
  let leaves: Indicator[];
  const ids: Record<string, number> = {};
  const outDir = () => path.join(t.dir, '..', 'out');

  beforeAll(async () => {
    t = openTestArchive(path.join(tempDir('dossier-leftout-'), 'archive'));
    const sample = await sampleDossier(t.api);
    dossierId = sample.dossier.id;
    leaves = sample.indicators.filter((i) => i.kind !== 'veto' && !sample.indicators.some((j) => j.parentId === i.id));
    const inputs = path.join(t.dir, '..', 'inputs');
    const add = async (file: string, at: number[]) => {
      const r = await t.api['materials.add']({ dossierId, paths: [file], indicatorIds: at.map((n) => leaves[n].id) });
      expect(r.failed).toEqual([]);
      return r.added[0].material.id;
    };
    const plan = inputPath(inputs, '实施方案.pdf');
    await chinesePdf(plan, ['实施方案']);
    ids.plan = await add(plan, [0]);
    const loose = inputPath(inputs, '未归档的通知.pdf');
    await chinesePdf(loose, ['通知']);
    ids.loose = await add(loose, []);
    const video = inputPath(inputs, '宣传片.mp4');
    mp4(video);
    ids.video = await add(video, [1]);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('names unfiled materials, gaps and placeholders, each with its reason', async () => {
    const { leftOut } = await t.api['packets.preflight']({ dossierId, outDir: outDir() });
    expect(leftOut.unfiled).toEqual([{ materialId: ids.loose, title: '未归档的通知', reason: '尚未归入任何指标' }]);
    expect(leftOut.placeholders).toEqual([{ materialId: ids.video, title: '宣传片', reason: expect.stringContaining('视频文件无法放入 PDF') }]);
    const gapIds = leftOut.gaps.map((g) => g.indicatorId);
    expect(gapIds).not.toContain(leaves[0].id);
    expect(gapIds).not.toContain(leaves[1].id);
    expect(gapIds).toContain(leaves[2].id);
    expect(leftOut.gaps).toHaveLength(leaves.length - 2);
    expect(leftOut.gaps.every((g) => !g.shown)).toBe(true);
  });

  it('follows the packet: its chosen materials, and gaps shown when it shows them', async () => {
    const packet = await t.api['packets.create']({
      dossierId,
      name: '只含方案',
      definition: { materialIds: [ids.plan], emptyIndicators: 'show' } as never,
    });
    const { leftOut } = await t.api['packets.preflight']({ packetId: packet.id, outDir: outDir() });
    expect(leftOut.unfiled.map((u) => [u.title, u.reason])).toEqual([
      ['未归档的通知', '尚未归入任何指标'],
      ['宣传片', '所归指标或材料不在本方案所选范围内'],
    ]);
    expect(leftOut.placeholders).toEqual([]);
    expect(leftOut.gaps.some((g) => g.indicatorId === leaves[1].id && g.shown)).toBe(true);
    // Without PDFs nothing becomes a placeholder page.
    const noPdf = await t.api['packets.preflight']({ dossierId, outDir: outDir(), pdf: false, online: false });
    expect(noPdf.leftOut.placeholders).toEqual([]);
  });

  it('prints the same summary from the CLI without exporting (export --check)', async () => {
    const archive = t.dir;
    await t.close();
    const cli = await runDossier(['export', '--archive', archive, '--out', outDir(), '--check']);
    t = openTestArchive(archive);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toContain(`不编入：${ids.loose}\t未归档的通知：尚未归入任何指标`);
    expect(cli.stdout).toContain(`缺项：${leaves[2].code} ${leaves[2].title}：不编入`);
    expect(cli.stdout).toMatch(new RegExp(`说明页：${ids.video}\\t宣传片：音视频文件无法放入 PDF`));
    expect(fs.existsSync(outDir())).toBe(false);
  });
});
