// The material list as the app draws it: the order of a scope from `materials.index` (sorted and
// filtered by the core), then the rows it shows from `materials.getMany`.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator, Material } from '../../shared/domain';
import { openTestArchive, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';
import { photo } from './fixtures';

describe('the material list, in windows', () => {
  const dir = tempDir('dossier-listing-');
  let t: TestArchive;
  let dossierId: number;
  let category: Indicator;
  let leaves: Indicator[];
  const byTitle = new Map<string, Material>();

  const add = async (name: string, bytes: Buffer | string, indicatorIds: number[], date: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    const [added] = (await t.api['materials.add']({ dossierId, paths: [file], indicatorIds })).added;
    const title = path.parse(name).name;
    byTitle.set(title, await t.api['materials.update']({ materialId: added.material.id, fields: { title, date } }));
  };
  const titles = (ids: number[]) => ids.map((id) => [...byTitle.values()].find((m) => m.id === id)?.title);

  beforeAll(async () => {
    t = openTestArchive();
    const s = await sampleDossier(t.api);
    dossierId = s.dossier.id;
    category = s.indicators.find((i) => i.parentId === null && s.indicators.filter((c) => c.parentId === i.id).length >= 2)!;
    leaves = s.indicators.filter((i) => i.parentId === category.id);
    await add('第10号通知.txt', '十', [leaves[0].id], '20240310');
    await add('第2号通知.txt', '二', [leaves[0].id], '');
    await add('安全检查记录.txt', '安', [leaves[1].id], '20231105');
    await add('北区活动照片.jpg', await photo({ color: '#3a7' }), [leaves[1].id], '20240101');
    await add('未归类说明.txt', '未', [], '20220101');
  });
  afterAll(async () => t?.close());

  it('orders the whole dossier by filing, 题名 (number-aware pinyin) or 日期 (then 题名, undated last), either way', async () => {
    const index = (sort: 'filing' | 'title' | 'date', descending = false) =>
      t.api['materials.index']({ dossierId, sort, descending });
    expect(titles((await index('filing')).ids)).toEqual(['第10号通知', '第2号通知', '安全检查记录', '北区活动照片', '未归类说明']);
    expect(titles((await index('filing', true)).ids)).toEqual(['未归类说明', '北区活动照片', '安全检查记录', '第2号通知', '第10号通知']);
    // Pinyin: 安 an, 北 bei, 第 di (2 before 10), 未 wei.
    expect(titles((await index('title')).ids)).toEqual(['安全检查记录', '北区活动照片', '第2号通知', '第10号通知', '未归类说明']);
    expect(titles((await index('title', true)).ids)).toEqual(['未归类说明', '第10号通知', '第2号通知', '北区活动照片', '安全检查记录']);
    expect(titles((await index('date')).ids)).toEqual(['未归类说明', '安全检查记录', '北区活动照片', '第10号通知', '第2号通知']);
    expect(titles((await index('date', true)).ids)).toEqual(['第10号通知', '北区活动照片', '安全检查记录', '未归类说明', '第2号通知']);
    // Filed on the same day, 第2号 reads before 第10号 (newest day first or not), although it was filed after it.
    const second = byTitle.get('第2号通知')!;
    await t.api['materials.update']({ materialId: second.id, fields: { date: '20240310' } });
    expect(titles((await index('date', true)).ids).slice(0, 2)).toEqual(['第2号通知', '第10号通知']);
    expect(titles((await index('date')).ids).slice(-2)).toEqual(['第2号通知', '第10号通知']);
    await t.api['materials.update']({ materialId: second.id, fields: { date: '' } });
    // Unasked, the list comes in a clerk's order: 日期, then 题名.
    expect(titles((await t.api['materials.index']({ dossierId })).ids)).toEqual(titles((await index('date')).ids));
    const all = await index('filing');
    expect(all.kinds).toEqual(['document', 'document', 'document', 'photo', 'document']);
    expect(all.head.map((m) => m.id)).toEqual(all.ids);
  });

  it('narrows to one indicator (its filing order), a category and all below it, and kinds', async () => {
    const leaf = await t.api['materials.index']({ dossierId, indicatorId: leaves[0].id, sort: 'filing' });
    expect(titles(leaf.ids)).toEqual(['第10号通知', '第2号通知']);
    const below = await t.api['materials.index']({ dossierId, indicatorId: category.id, includeBelow: true, sort: 'filing' });
    expect(titles(below.ids)).toEqual(['第10号通知', '第2号通知', '安全检查记录', '北区活动照片']);
    // Without includeBelow a category holds nothing of its own.
    expect((await t.api['materials.index']({ dossierId, indicatorId: category.id })).ids).toEqual([]);
    const photos = await t.api['materials.index']({ dossierId, kinds: ['photo'] });
    expect(titles(photos.ids)).toEqual(['北区活动照片']);
  });

  it('fetches the rows asked for, in that order, leaving out what went to the 回收站', async () => {
    const { ids } = await t.api['materials.index']({ dossierId, sort: 'filing' });
    const rows = await t.api['materials.getMany']({ materialIds: [ids[3], ids[0], ids[2]] });
    expect(rows.map((m) => m.title)).toEqual(['北区活动照片', '第10号通知', '安全检查记录']);
    await t.api['materials.trash']({ materialIds: [ids[0]] });
    expect((await t.api['materials.getMany']({ materialIds: [ids[0], ids[1]] })).map((m) => m.title)).toEqual(['第2号通知']);
    expect((await t.api['materials.index']({ dossierId })).ids).not.toContain(ids[0]);
    await t.api['materials.restore']({ materialIds: [ids[0]] });
  });

  it('refuses a sort it does not know, an unknown dossier, and too many rows at once, in Chinese', async () => {
    // @ts-expect-error: a sort the contract does not have, as a bad client would send it.
    await expect(t.api['materials.index']({ dossierId, sort: 'size' })).rejects.toThrow('未知的排序方式');
    await expect(t.api['materials.index']({ dossierId: 9999 })).rejects.toThrow('档案');
    const many = Array.from({ length: 501 }, (_, i) => i + 1);
    await expect(t.api['materials.getMany']({ materialIds: many })).rejects.toThrow('500');
  });
});
