// Undo of the last bulk 归入指标 / 移出指标 / 删除 (issue 16, point 2): exactly what it changed comes back.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator } from '../../shared/domain';
import { openTestArchive, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';

describe('undo the last bulk action', () => {
  const dir = tempDir('dossier-undo-');
  let t: TestArchive;
  let dossierId: number;
  let leaves: Indicator[];
  let ids: number[];

  const filed = async (indicatorId: number) =>
    (await t.api['materials.list']({ dossierId, indicatorId })).map((m) => m.id).sort((a, b) => a - b);

  beforeAll(async () => {
    t = openTestArchive();
    const s = await sampleDossier(t.api);
    dossierId = s.dossier.id;
    leaves = s.indicators.filter((i) => !s.indicators.some((c) => c.parentId === i.id));
    const paths = ['甲', '乙', '丙'].map((n) => {
      const file = path.join(dir, `${n}通知.txt`);
      fs.writeFileSync(file, `关于${n}的通知`);
      return file;
    });
    ids = (await t.api['materials.add']({ dossierId, paths })).added.map((a) => a.material.id);
  });
  afterAll(async () => t?.close());

  it('refuses when nothing bulk was done yet, in Chinese', async () => {
    await expect(t.api['materials.undoLast']({ dossierId })).rejects.toThrow('没有可以撤销的批量操作');
  });

  it('unfiles only the materials the bulk 归入指标 filed: one already filed stays', async () => {
    const [a, b, c] = ids;
    await t.api['materials.link']({ materialId: a, indicatorId: leaves[0].id });
    await t.api['materials.linkMany']({ materialIds: [a, b, c], indicatorId: leaves[0].id });
    // Imports run in parallel, so ids need not follow the paths' order.
    expect(await filed(leaves[0].id)).toEqual([a, b, c].sort((x, y) => x - y));
    expect(await t.api['materials.undoLast']({ dossierId })).toEqual({ action: 'link', reverted: 2 });
    expect(await filed(leaves[0].id)).toEqual([a]);
    // Undone once: a second undo does not reach back to older actions.
    await expect(t.api['materials.undoLast']({ dossierId })).rejects.toThrow('已经撤销');
    const history = await t.api['materials.history']({ materialId: b });
    expect(history.map((h) => h.action)).toEqual(['add', 'link', 'unlink']);
  });

  it('files back what the bulk 移出指标 removed, in the place it had', async () => {
    const [a, b, c] = ids;
    await t.api['materials.linkMany']({ materialIds: [c, b], indicatorId: leaves[1].id });
    await t.api['materials.unlinkMany']({ materialIds: [a, b, c], indicatorId: leaves[1].id });
    expect(await filed(leaves[1].id)).toEqual([]);
    expect(await t.api['materials.undoLast']({ dossierId })).toEqual({ action: 'unlink', reverted: 2 });
    const order = (await t.api['materials.list']({ dossierId, indicatorId: leaves[1].id })).map((m) => m.id);
    expect(order).toEqual([c, b]);
  });

  it('takes the bulk 删除 back out of the 回收站, and leaves a purged one gone', async () => {
    const [a, b] = ids;
    await t.api['materials.trash']({ materialIds: [a, b] });
    expect((await t.api['materials.listTrash']({ dossierId })).map((m) => m.id).sort()).toEqual([a, b].sort());
    await t.api['materials.purge']({ materialIds: [b] });
    expect(await t.api['materials.undoLast']({ dossierId })).toEqual({ action: 'trash', reverted: 1 });
    expect(await t.api['materials.listTrash']({ dossierId })).toEqual([]);
    expect((await t.api['materials.list']({ dossierId })).map((m) => m.id)).toContain(a);
  });

  it('is refused for a dossier that does not exist', async () => {
    await expect(t.api['materials.undoLast']({ dossierId: 99_999 })).rejects.toThrow();
  });
});
