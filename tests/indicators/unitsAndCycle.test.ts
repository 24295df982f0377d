// Responsible units assigned to indicators (rename follows, delete refused while assigned), and
// 复核: a dossier copied onto another system, links matched by code or title, the rest reported.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestArchive, sampleDossier } from '../helpers/tempArchive';
import { tempDir, writeFile } from './fixtures';
import { rejection } from './helpers';
import { writePdfs } from './materialFiles';
import { photo } from '../materials/fixtures';

const archive = openTestArchive();
const dir = tempDir();
const { api } = archive;
afterAll(async () => {
  await archive.close();
  fs.rmSync(archive.dir, { recursive: true, force: true });
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('responsible units', () => {
  it('registers units with persons, counts the indicators that name them, and renames on every indicator', async () => {
    const { indicators } = await sampleDossier(api);
    const office = await api['units.create']({ name: '办公室', kind: 'lead', persons: ['张三', '李四'] });
    expect(office).toMatchObject({ name: '办公室', kind: 'lead', persons: ['张三', '李四'], indicatorCount: 0 });
    const [a, b] = indicators.filter((i) => i.depth === 2);
    await api['indicators.update']({ indicatorId: a.id, fields: { responsibleUnit: '办公室', responsiblePerson: '张三' } });
    await api['indicators.update']({ indicatorId: b.id, fields: { responsibleUnit: '宣传部、办公室' } });
    expect((await api['units.list']({}))[0].indicatorCount).toBe(2);

    const dup = await rejection(api['units.create']({ name: '办公室' }));
    expect(dup.message).toContain('已有名为“办公室”');
    const bad = await rejection(api['units.create']({ name: '宣传部、团委' }));
    expect(bad.message).toContain('不能有');

    await api['units.update']({ unitId: office.id, fields: { name: '党政办公室' } });
    const after = await api['indicators.list']({ systemId: a.systemId });
    expect(after.find((i) => i.id === a.id)!.responsibleUnit).toBe('党政办公室');
    expect(after.find((i) => i.id === b.id)!.responsibleUnit).toBe('宣传部、党政办公室');

    const refused = await rejection(api['units.delete']({ unitId: office.id }));
    expect(refused.message).toContain('还有 2 项指标由“党政办公室”负责');
    await api['indicators.update']({ indicatorId: a.id, fields: { responsibleUnit: '' } });
    await api['indicators.update']({ indicatorId: b.id, fields: { responsibleUnit: '宣传部' } });
    expect(await api['units.delete']({ unitId: office.id })).toEqual({ deleted: true });
    expect(await api['units.list']({})).toEqual([]);
  });
});

describe('new cycle (复核)', () => {
  let dossierId = 0;
  let nextSystemId = 0;
  beforeAll(async () => {
    const csv2024 = '编码,名称,上级编码,分值\n1,组织领导,,20\n1.1,领导小组,1,10\n1.2,工作制度,1,10\n2,志愿服务,,10\n2.1,志愿者注册,2,10\n';
    // Next year: 领导小组 kept; 工作制度 moved to 2.1 (code changed, same title); 1.2 reworded; 志愿者注册 gone.
    const csv2025 = '编码,名称,上级编码,分值\n1,组织领导,,20\n1.1,领导小组,1,10\n1.2,创建工作制度健全,1,5\n2,制度建设,,5\n2.1,工作制度,2,5\n';
    const old = await api['systems.importFile']({ path: writeFile(dir, '2024.csv', csv2024) });
    nextSystemId = (await api['systems.importFile']({ path: writeFile(dir, '2025.csv', csv2025) })).id;
    const dossier = await api['dossiers.create']({ name: '2024年度创建档案', unit: '示例局', period: '2024年', systemId: old.id });
    dossierId = dossier.id;
    const ind = await api['indicators.list']({ systemId: old.id });
    const code = (c: string) => ind.find((i) => i.code === c)!.id;
    const [p1, p2, p3] = await writePdfs(dir, ['领导小组通知', '工作制度汇编', '志愿者名单']);
    await api['materials.add']({ dossierId, paths: [p1], indicatorIds: [code('1.1')] });
    await api['materials.add']({ dossierId, paths: [p2], indicatorIds: [code('1.2')] });
    await api['materials.add']({ dossierId, paths: [p3], indicatorIds: [code('2.1')] });
    await api['selfEval.setPassLine']({ dossierId, passLine: 85 });
  });

  it('copies the dossier; links follow the same code and title, or the same title; the rest is reported', async () => {
    const report = await api['dossiers.newCycle']({ dossierId, systemId: nextSystemId, name: '2025年度创建档案', period: '2025年' });
    expect(report.dossier).toMatchObject({ name: '2025年度创建档案', unit: '示例局', period: '2025年', systemId: nextSystemId, passLine: 85 });
    expect(report.materials).toBe(3);
    expect(report.linksMoved.map((l) => [l.title, l.from, l.to, l.match])).toEqual([
      ['领导小组通知', '1.1 领导小组', '1.1 领导小组', 'code_and_title'],
      ['工作制度汇编', '1.2 工作制度', '2.1 工作制度', 'title'],
    ]);
    expect(report.linksUnmatched.map((l) => [l.title, l.from])).toEqual([['志愿者名单', '2.1 志愿者注册']]);

    const copied = await api['materials.list']({ dossierId: report.dossier.id });
    expect(copied.map((m) => m.title).sort()).toEqual(['工作制度汇编', '志愿者名单', '领导小组通知'].sort());
    const cov = await api['coverage.get']({ dossierId: report.dossier.id });
    expect(cov.filter((r) => r.isLeaf && !r.missing).map((r) => r.code)).toEqual(['1.1', '2.1']);
    // The old dossier is untouched, and the copy is searchable like the original.
    expect((await api['materials.list']({ dossierId })).length).toBe(3);
    expect((await api['coverage.get']({ dossierId })).filter((r) => r.isLeaf && r.missing)).toEqual([]);
  });

  it('copies a 组照 with its photos and captions, and the copy is found by a caption', async () => {
    const paths = [];
    for (const [name, color] of [['清扫1.jpg', '#c33'], ['清扫2.jpg', '#36c']]) {
      paths.push(path.join(dir, name));
      fs.writeFileSync(paths.at(-1)!, await photo({ color }));
    }
    const added = await api['materials.add']({ dossierId, paths });
    const group = await api['materials.groupPhotos']({ dossierId, materialIds: added.added.map((a) => a.material.id), title: '志愿服务组照' });
    await api['materials.updateGroup']({ materialId: group.id, photos: group.photos.map((p, i) => ({ sha256: p.sha256, caption: ['清扫街道', '集体合影'][i] })) });
    const report = await api['dossiers.newCycle']({ dossierId, systemId: nextSystemId, name: '2026年度创建档案', period: '2026年' });
    const copy = (await api['materials.list']({ dossierId: report.dossier.id })).find((m) => m.kind === 'photo_group')!;
    expect(copy.photos.map((p) => [p.sha256, p.caption])).toEqual(group.photos.map((p, i) => [p.sha256, ['清扫街道', '集体合影'][i]]));
    const found = await api['materials.search']({ dossierId: report.dossier.id, query: '清扫街道' });
    expect(found.hits.map((h) => h.material.id)).toEqual([copy.id]);
  });

  it('refuses a dossier without a system', async () => {
    const bare = await api['dossiers.create']({ name: '空档案' });
    const err = await rejection(api['dossiers.newCycle']({ dossierId: bare.id, systemId: nextSystemId }));
    expect(err.message).toContain('还没有测评体系');
  });
});
