// Trust issue, point 2: 件号 and 档号 are stored when a material is numbered (归档), by the
// dossier's 档号 rule, never given out again; packets read the stored values; 四性检测 names a
// gap or a duplicate.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator, Material } from '../../shared/domain';
import { sql as migration6 } from '../../electron/core/archive/migrations/006-item-numbers';
import { exportJob } from '../helpers/exportJob';
import { openTestArchive, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';
import { plainPdf } from './fixtures';

describe('件号 and 档号', () => {
  let t: TestArchive;
  let dossierId: number;
  let leaves: Indicator[];
  const inputs = tempDir('dossier-numbers-in-');
  const add = async (name: string, indicator: Indicator) => {
    const file = path.join(inputs, name);
    await plainPdf(file, 1, name.replace(/[^\x20-\x7e]/g, (c) => c.charCodeAt(0).toString(16)));
    return (await t.api['materials.add']({ dossierId, paths: [file], indicatorIds: [indicator.id] })).added[0].material;
  };
  const problems = async () => (await t.api['integrity.verify']({})).problems.filter((p) => p.check === 'integrity').map((p) => p.message);

  beforeAll(async () => {
    t = openTestArchive();
    const s = await sampleDossier(t.api);
    dossierId = s.dossier.id;
    leaves = s.indicators.filter((i) => !s.indicators.some((c) => c.parentId === i.id));
    await t.api['dossiers.setArchivalRule']({ dossierId, rule: { pattern: '{全宗号}-{年度}-{保管期限}-{件号}', fondsNumber: 'Z01', itemDigits: 3, defaultRetention: 'D10' } });
  });
  afterAll(() => t.close());

  it('are given at the first export in packet order, stored, and kept by later exports', async () => {
    await add('20240110 方案.pdf', leaves[0]);
    await add('20240320 总结.pdf', leaves[1]);
    await add('20230905 旧年记录.pdf', leaves[1]);
    const before = await t.api['materials.list']({ dossierId });
    expect(before.every((m) => m.itemNumber === null && m.archivalCode === '')).toBe(true);
    const first = await exportJob(t.api, { dossierId, outDir: path.join(inputs, 'out1'), pdf: false, folder: false });
    expect(first.result!.numbered).toBe(3);
    const codes = Object.fromEntries((await t.api['materials.list']({ dossierId })).map((m) => [m.title, m.archivalCode]));
    // 件号 count within 年度 and 保管期限 (DA/T 22).
    expect(codes).toEqual({ '20240110 方案': 'Z01-2024-D10-001', '20240320 总结': 'Z01-2024-D10-002', '20230905 旧年记录': 'Z01-2023-D10-001' });
    const again = await exportJob(t.api, { dossierId, outDir: path.join(inputs, 'out2'), pdf: false, folder: false });
    expect(again.result!.numbered).toBe(0);
    expect(Object.fromEntries((await t.api['materials.list']({ dossierId })).map((m) => [m.title, m.archivalCode]))).toEqual(codes);
    expect(await problems()).toEqual([]);
  });

  it('never gives a number again: a purged material’s 件号 is accounted for, the next one goes on', async () => {
    const late = await add('20240601 待清除.pdf', leaves[0]);
    const [numbered] = await t.api['materials.number']({ dossierId, materialIds: [late.id] });
    expect(numbered.archivalCode).toBe('Z01-2024-D10-003');
    await t.api['materials.trash']({ materialIds: [late.id] });
    expect(await problems()).toEqual([]); // in the 回收站 it still holds its number
    await t.api['materials.purge']({ materialIds: [late.id] });
    expect(await problems()).toEqual([]); // purged: the number is recorded as gone with it
    const next = await add('20240701 新材料.pdf', leaves[0]);
    expect((await t.api['materials.number']({ dossierId }))[0]).toMatchObject({ id: next.id, archivalCode: 'Z01-2024-D10-004' });
  });

  it('a changed rule applies to materials numbered from then on; numbered ones keep their 档号', async () => {
    await t.api['dossiers.setArchivalRule']({ dossierId, rule: { pattern: 'WM·{年度}-{件号}', fondsNumber: '', itemDigits: 4, defaultRetention: 'Y' } });
    const m = await add('20240801 规则修改后.pdf', leaves[0]);
    expect((await t.api['materials.number']({ dossierId, materialIds: [m.id] }))[0].archivalCode).toBe('WM·2024-0001');
    const list = await t.api['materials.list']({ dossierId });
    expect(list.find((x) => x.title === '20240110 方案')!.archivalCode).toBe('Z01-2024-D10-001');
  });

  it('the packet and the 归档文件目录 print the stored 档号', async () => {
    const job = await exportJob(t.api, { dossierId, outDir: path.join(inputs, 'out3'), pdf: true, xlsx: false, folder: true });
    const text = fs.readFileSync(path.join(job.result!.folderPath!, 'manifest-sha256.txt'), 'utf8');
    expect(text).toContain('Z01-2024-D10-001 20240110 方案.pdf');
    expect(text).toContain('WM·2024-0001 20240801 规则修改后.pdf');
  });

  it('a rule carried over from an older packet definition keeps every field it can', async () => {
    const { db } = t.ctx.archive;
    const saved = (await t.api['dossiers.list']({})).find((d) => d.id === dossierId)!.archivalRule;
    // What migration 6 does with a packet saved before the rule moved to the dossier.
    const old = { pattern: '{全宗号}·{年度}-{件号}', fondsNumber: 'Z9', itemDigits: 3, defaultRetention: '永久', stamp: true };
    db.prepare("INSERT INTO packet (dossier_id, name, definition, created_at, updated_at) VALUES (?, '旧方案', ?, '2099-01-01', '2099-01-01')").run(
      dossierId,
      JSON.stringify({ archivalCode: old }),
    );
    db.prepare("UPDATE dossier SET archival_rule = '' WHERE id = ?").run(dossierId);
    const update = migration6.split(';').find((s) => s.includes('UPDATE dossier SET archival_rule'))!;
    db.exec(update);
    const rule = (await t.api['dossiers.list']({})).find((d) => d.id === dossierId)!.archivalRule;
    expect(rule).toEqual({ pattern: '{全宗号}·{年度}-{件号}', fondsNumber: 'Z9', itemDigits: 3, defaultRetention: 'Y' });
    await t.api['dossiers.setArchivalRule']({ dossierId, rule: saved });
  });

  it('a 复核 copy numbers its own materials from 1, under the same rule', async () => {
    const templates = await t.api['systems.templates']({});
    const other = await t.api['systems.importTemplate']({ templateId: templates[templates.length - 1].id });
    const copy = await t.api['dossiers.newCycle']({ dossierId, systemId: other.id });
    const copied = await t.api['materials.list']({ dossierId: copy.dossier.id });
    expect(copied.length).toBeGreaterThan(0);
    expect(copied.every((m) => m.itemNumber === null && m.archivalCode === '')).toBe(true);
    expect((await t.api['dossiers.list']({})).find((d) => d.id === copy.dossier.id)!.archivalRule.pattern).toBe('WM·{年度}-{件号}');
    expect(await problems()).toEqual([]);
  });

  it('四性检测 names a 件号 that went missing and one given twice', async () => {
    const { db } = t.ctx.archive;
    const list = (await t.api['materials.list']({ dossierId })) as Material[];
    const victim = list.find((m) => m.archivalCode === 'Z01-2024-D10-002')!;
    // Someone removes a record behind the program's back, and the trace of it too.
    db.pragma('foreign_keys = OFF');
    db.prepare('DELETE FROM material_indicator WHERE material_id = ?').run(victim.id);
    db.prepare('DELETE FROM material WHERE id = ?').run(victim.id);
    db.prepare('DELETE FROM item_number_void WHERE material_id = ?').run(victim.id);
    db.pragma('foreign_keys = ON');
    const gap = await problems();
    expect(gap).toHaveLength(1);
    expect(gap[0]).toMatch(/Z01-2024-D10.*件号 2 缺号/);

    db.exec('DROP INDEX material_item_number');
    const other = list.find((m) => m.archivalCode === 'Z01-2023-D10-001')!;
    const first = list.find((m) => m.archivalCode === 'Z01-2024-D10-001')!;
    db.prepare('UPDATE material SET archival_class = ?, item_number = 1, archival_code = ? WHERE id = ?').run('Z01-2024-D10', first.archivalCode, other.id);
    const twice = await problems();
    expect(twice.some((m) => /件号 1 重复/.test(m) && m.includes(first.title) && m.includes(other.title))).toBe(true);
    const report = await t.api['integrity.verify']({});
    expect(report.ok).toBe(false);
  });
});
