// Editing the tree: add, rename, reorder, move, delete (refused while materials are linked, or
// with the links moved first), per-indicator fields; every change audited; codes renumbered by
// position (or kept when the sheet had its own), materials follow their indicator by id.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator } from '../../shared/domain';
import { openTestArchive, sampleDossier } from '../helpers/tempArchive';
import { samplesDir, tempDir } from './fixtures';
import { rejection } from './helpers';
import { writePdfs } from './materialFiles';

const archive = openTestArchive();
const dir = tempDir();
const { api } = archive;
let systemId = 0;
let dossierId = 0;
afterAll(async () => {
  await archive.close();
  fs.rmSync(archive.dir, { recursive: true, force: true });
  fs.rmSync(dir, { recursive: true, force: true });
});

const list = () => api['indicators.list']({ systemId });
const byCode = async (code: string) => (await list()).find((i) => i.code === code)!;
const codesUnder = (all: Indicator[], parent: Indicator) => all.filter((i) => i.parentId === parent.id).map((i) => `${i.code} ${i.title}`);
const auditActions = () =>
  (archive.ctx.archive.db.prepare(`SELECT action FROM audit_log WHERE action LIKE 'indicator.%' ORDER BY id`).all() as { action: string }[]).map(
    (r) => r.action,
  );

beforeAll(async () => {
  const s = await sampleDossier(api);
  systemId = s.system.id;
  dossierId = s.dossier.id;
});

describe('editing the indicator tree', () => {
  it('adds an item at a place among its siblings; codes follow position', async () => {
    const cat = await byCode('1');
    const before = codesUnder(await list(), cat);
    const added = await api['indicators.create']({ systemId, parentId: cat.id, index: 0, fields: { title: '新增的指标', score: 2 } });
    expect(added.code).toBe('1.1');
    expect(added.depth).toBe(2);
    const after = codesUnder(await list(), cat);
    expect(after[0]).toBe('1.1 新增的指标');
    // The old first item is now 1.2, the old second 1.3 …
    expect(after.slice(1).map((s) => s.split(' ')[1])).toEqual(before.map((s) => s.split(' ')[1]));
    expect(after.slice(1).map((s) => s.split(' ')[0])).toEqual(before.map((_, i) => `1.${i + 2}`));
  });

  it('renames and edits every field; bad values refused in Chinese', async () => {
    const item = await byCode('1.1');
    const updated = await api['indicators.update']({
      indicatorId: item.id,
      fields: {
        title: '改名后的指标',
        content: '内容',
        standard: '标准',
        methods: ['材料审核', '实地考察'],
        score: 3,
        requiredMaterials: '会议纪要、照片',
        responsibleUnit: '办公室',
        responsiblePerson: '张三',
        deadline: '2025-06-30',
      },
    });
    expect(updated).toMatchObject({ title: '改名后的指标', score: 3, responsiblePerson: '张三', deadline: '2025-06-30', methods: ['材料审核', '实地考察'] });
    expect((await rejection(api['indicators.update']({ indicatorId: item.id, fields: { title: ' ' } }))).message).toContain('指标名称不能为空');
    expect((await rejection(api['indicators.update']({ indicatorId: item.id, fields: { score: -1 } }))).message).toContain('分值不能为负数');
    expect((await rejection(api['indicators.update']({ indicatorId: item.id, fields: { deadline: '6月底' } }))).message).toContain('完成时限');
  });

  it('reorders and moves; a moved item’s materials follow it by id; cannot move under itself', async () => {
    const [pdf] = await writePdfs(dir, ['跟随指标的材料']);
    const item = await byCode('1.1');
    const report = await api['materials.add']({ dossierId, paths: [pdf], indicatorIds: [item.id] });
    const materialId = report.added[0].material.id;

    const cat2 = await byCode('2');
    const moved = await api['indicators.move']({ indicatorId: item.id, parentId: cat2.id, index: 1 });
    expect(moved.code).toBe('2.2');
    expect(moved.parentId).toBe(cat2.id);
    const filed = await api['materials.list']({ dossierId, indicatorId: moved.id });
    expect(filed.map((m) => m.id)).toEqual([materialId]);
    const cov = await api['coverage.get']({ dossierId });
    expect(cov.find((r) => r.indicatorId === moved.id)).toMatchObject({ code: '2.2', materialCount: 1, missing: false });

    // Reorder within the category: first place.
    expect((await api['indicators.move']({ indicatorId: item.id, parentId: cat2.id, index: 0 })).code).toBe('2.1');
    const err = await rejection(api['indicators.move']({ indicatorId: cat2.id, parentId: item.id, index: 0 }));
    expect(err.message).toContain('不能把');
    // Every code stays unique and consistent with its parent.
    const all = await list();
    const codeOf = new Map(all.map((i) => [i.id, i.code]));
    for (const i of all) if (i.parentId !== null) expect(i.code.startsWith(`${codeOf.get(i.parentId)}.`)).toBe(true);
    expect(new Set(all.map((i) => i.code)).size).toBe(all.length);
  });

  it('refuses to delete an item with materials, or deletes after moving them to another item', async () => {
    const item = await byCode('2.1');
    const err = await rejection(api['indicators.delete']({ indicatorId: item.id }));
    expect(err.code).toBe('conflict');
    expect(err.message).toContain('已归集 1 份材料');
    expect(await byCode('2.1')).toBeDefined();

    const target = await byCode('3.1');
    const done = await api['indicators.delete']({ indicatorId: item.id, moveMaterialsTo: target.id });
    expect(done).toEqual({ deleted: 1, movedLinks: 1 });
    expect((await api['materials.list']({ dossierId, indicatorId: target.id })).map((m) => m.title)).toEqual(['跟随指标的材料']);
    expect((await list()).some((i) => i.id === item.id)).toBe(false);
  });

  it('deletes a whole category without materials, and renumbers the rest', async () => {
    const before = await list();
    const last = before.filter((i) => i.parentId === null).at(-1)!;
    const cat = await byCode('1');
    const size = before.filter((i) => i.id === cat.id || i.parentId === cat.id).length;
    const result = await api['indicators.delete']({ indicatorId: cat.id });
    expect(result.deleted).toBe(size);
    const after = await list();
    expect(after).toHaveLength(before.length - size);
    expect(after.find((i) => i.id === last.id)!.code).toBe(String(Number(last.code) - 1));
  });

  it('writes every change to the audit log', () => {
    expect(auditActions()).toEqual([
      'indicator.create',
      'indicator.update',
      'indicator.move',
      'indicator.move',
      'indicator.delete',
      'indicator.delete',
    ]);
  });

  it('a system with its own codes keeps them when items move; new items get the next free code', async () => {
    const system = await api['systems.importFile']({ path: path.join(samplesDir, '简易测评体系（示例）.csv') });
    expect(system.codeMode).toBe('sheet');
    const all = await api['indicators.list']({ systemId: system.id });
    const a1 = all.find((i) => i.code === 'A1')!;
    const b = all.find((i) => i.code === 'B')!;
    const moved = await api['indicators.move']({ indicatorId: a1.id, parentId: b.id, index: 0 });
    expect(moved.code).toBe('A1');
    const added = await api['indicators.create']({ systemId: system.id, parentId: b.id, fields: { title: '新增' } });
    expect(added.code).toBe('B.4');
  });
});
