// 组照 split back into single photos (拆分组照): the photos return under their old numbers with
// their own titles, the group's description and filing, their captions as 说明, searchable, and
// every step in the change log.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator, Material } from '../../shared/domain';
import { openTestArchive, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';
import { photo } from './fixtures';

describe('拆分组照', () => {
  const dir = tempDir('dossier-groups-');
  let t: TestArchive;
  let dossierId: number;
  let leaves: Indicator[];

  const addPhotos = async (names: string[]): Promise<Material[]> => {
    const paths: string[] = [];
    for (const [i, name] of names.entries()) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, await photo({ exif: i === 0, color: `#${i}a${i}`, width: 200 + i }));
      paths.push(file);
    }
    return (await t.api['materials.add']({ dossierId, paths, indicatorIds: [leaves[0].id] })).added.map((a) => a.material);
  };

  beforeAll(async () => {
    t = openTestArchive();
    const s = await sampleDossier(t.api);
    dossierId = s.dossier.id;
    leaves = s.indicators.filter((i) => !s.indicators.some((c) => c.parentId === i.id));
  });
  afterAll(() => t.close());

  it('brings each photo back under its old number, with the group’s fields, links and captions', async () => {
    const photos = await addPhotos(['道德讲堂开场.jpg', '道德讲堂合影.jpg', '道德讲堂授课.jpg']);
    const group = await t.api['materials.groupPhotos']({
      dossierId,
      materialIds: [photos[2].id, photos[0].id, photos[1].id],
      title: '道德讲堂活动组照',
    });
    await t.api['materials.link']({ materialId: group.id, indicatorId: leaves[1].id });
    await t.api['materials.update']({ materialId: group.id, fields: { place: '三楼报告厅', photographer: '李明', retention: '永久' } });
    await t.api['materials.updateGroup']({
      materialId: group.id,
      photos: [
        { sha256: photos[0].sha256, caption: '主持人开场' },
        { sha256: photos[2].sha256, caption: '主讲人授课' },
        { sha256: photos[1].sha256, caption: '全体合影' },
      ],
    });

    const split = await t.api['materials.ungroupPhotos']({ materialId: group.id });
    // One photo material per photo, in the group's order, under the numbers they had.
    expect(split.map((m) => m.id)).toEqual([photos[0].id, photos[2].id, photos[1].id]);
    expect(split.map((m) => m.kind)).toEqual(['photo', 'photo', 'photo']);
    expect(split.map((m) => m.title)).toEqual(['道德讲堂开场', '道德讲堂授课', '道德讲堂合影']);
    expect(split.map((m) => m.description)).toEqual(['主持人开场', '主讲人授课', '全体合影']);
    expect(split.map((m) => m.sha256)).toEqual([photos[0].sha256, photos[2].sha256, photos[1].sha256]);
    for (const m of split) {
      expect(m).toMatchObject({ place: '三楼报告厅', photographer: '李明', retention: '永久', trashedAt: null, photos: [] });
      expect(m.indicatorIds).toEqual([leaves[0].id, leaves[1].id].sort((a, b) => a - b));
    }
    // The EXIF time of the first photo stays its own.
    expect(split[0].photoTime).toBe(photos[0].photoTime);
    expect(split[0].photoTime).not.toBe('');
    expect(split[0].createdAt).toBe(photos[0].createdAt);

    // The group is gone (not in the list, not in the 回收站), the photos are listed under both indicators.
    await expect(t.api['materials.get']({ materialId: group.id })).rejects.toThrow(`材料不存在（编号 ${group.id}）`);
    expect((await t.api['materials.listTrash']({ dossierId })).map((m) => m.id)).not.toContain(group.id);
    for (const leaf of leaves.slice(0, 2)) {
      const listed = (await t.api['materials.list']({ dossierId, indicatorId: leaf.id })).map((m) => m.id);
      expect(listed).toEqual(expect.arrayContaining(split.map((m) => m.id)));
      expect(listed).not.toContain(group.id);
    }
    // Search finds each photo by its caption, and no longer the group.
    const hits = (await t.api['materials.search']({ dossierId, query: '授课' })).hits.map((h) => h.material.id);
    expect(hits).toEqual([photos[2].id]);
    // Files are kept: every photo still shows.
    for (const m of split) expect(fs.existsSync(t.ctx.archive.store.pathFor(m.sha256))).toBe(true);

    // The history reads as a story, for each photo and for the group.
    const photoHistory = (await t.api['materials.history']({ materialId: photos[2].id })).map((e) => e.summary);
    expect(photoHistory[0]).toBe('添加：道德讲堂授课.jpg');
    expect(photoHistory).toContain(`组成组照：并入组照（编号 ${group.id}）`);
    expect(photoHistory.at(-1)).toBe(`拆分组照：从组照《道德讲堂活动组照》（编号 ${group.id}）拆出，归入指标 ${[leaves[0].code, leaves[1].code].join('、')}`);
    const groupHistory = (await t.api['materials.history']({ materialId: group.id })).map((e) => e.summary);
    expect(groupHistory.at(-1)).toBe(`拆分组照：拆分为 3 张照片（编号 ${split.map((m) => m.id).join('、')}）`);

    // Grouping again works on the brought-back photos.
    const again = await t.api['materials.groupPhotos']({ dossierId, materialIds: [photos[0].id, photos[1].id] });
    expect(again.photos.map((p) => p.caption)).toEqual(['主持人开场', '全体合影']);
  });

  it('refuses what is not a 组照 or is in the 回收站, and leaves it as it was', async () => {
    const [a, b] = await addPhotos(['志愿服务1.jpg', '志愿服务2.jpg']);
    await expect(t.api['materials.ungroupPhotos']({ materialId: a.id })).rejects.toThrow(`材料《${a.title}》不是组照`);
    const group = await t.api['materials.groupPhotos']({ dossierId, materialIds: [a.id, b.id], title: '志愿服务组照' });
    await t.api['materials.trash']({ materialIds: [group.id] });
    await expect(t.api['materials.ungroupPhotos']({ materialId: group.id })).rejects.toThrow('在回收站中，请先还原');
    expect((await t.api['materials.get']({ materialId: group.id })).photos).toHaveLength(2);
    await expect(t.api['materials.ungroupPhotos']({ materialId: 999_999 })).rejects.toThrow('材料不存在（编号 999999）');
  });

  it('gives a photo that left no record of itself a new number and its file name as title', async () => {
    const [a, b] = await addPhotos(['旧组照1.jpg', '旧组照2.jpg']);
    const group = await t.api['materials.groupPhotos']({ dossierId, materialIds: [a.id, b.id] });
    // As if grouped before anything was recorded about the second photo.
    t.ctx.archive.db.prepare("DELETE FROM audit_log WHERE action IN ('group', 'add') AND entity_id = ?").run(String(b.id));
    const split = await t.api['materials.ungroupPhotos']({ materialId: group.id });
    expect(split[0].id).toBe(a.id);
    expect(split[1].id).toBeGreaterThan(group.id);
    expect(split.map((m) => m.title)).toEqual(['旧组照1', '旧组照2']);
  });
});
