// Both sides changed a material: the lead edited a received material, then the unit sent a newer
// version. The lead's stays in use and the unit's waits, its differences listed field by field;
// 采用单位版本 applies it (待审 again), 保留本方版本 keeps the lead's and the same version is not
// offered again; both choices are in the change log; the CLI lists and resolves them too.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VersionConflict } from '../../shared/domain';
import { runDossier } from '../helpers/cli';
import { openTestArchive, tempDir, type TestArchive } from '../helpers/tempArchive';
import { openUnitRound } from '../helpers/unitRound';

describe('a material both the lead and the unit changed', { timeout: 300_000 }, () => {
  const work = tempDir('dossier-bundle-conflicts-');
  let lead: TestArchive;
  let unit: TestArchive;
  let leadDossierId = 0;
  let unitDossierId = 0;
  let unitLeafId = 0;
  let rounds = 0;
  const submitAndImport = async () => {
    rounds += 1;
    const out = path.join(work, `团委-${rounds}.dossier-submit`);
    await unit.api['submissions.export']({ dossierId: unitDossierId, out, changedOnly: false });
    return lead.api['submissions.import']({ path: out, acceptNewKey: false });
  };
  const unitMaterial = async (title: string) => (await unit.api['materials.list']({ dossierId: unitDossierId })).find((m) => m.title === title)!;

  beforeAll(async () => {
    ({ lead, unit, leadDossierId, unitDossierId, unitLeafId } = await openUnitRound(work, '团委'));
    const files = ['青年志愿者活动记录', '团课学习记录'].map((name) => {
      const file = path.join(work, `${name}.txt`);
      fs.writeFileSync(file, `${name}：团委组织开展。\n`);
      return file;
    });
    await unit.api['materials.add']({ dossierId: unitDossierId, paths: files, indicatorIds: [unitLeafId] });
    const first = await submitAndImport();
    expect(first.added).toHaveLength(2);
  });
  afterAll(async () => {
    await unit?.close();
    await lead?.close();
  });

  it('keeps the lead’s version, lists the differences, and applies the unit’s when chosen', async () => {
    const leadCopy = (await lead.api['materials.list']({ dossierId: leadDossierId })).find((m) => m.title === '青年志愿者活动记录')!;
    await lead.api['materials.update']({ materialId: leadCopy.id, fields: { title: '青年志愿者社区服务记录', responsible: '创建办' } });
    const mine = await unitMaterial('青年志愿者活动记录');
    await unit.api['materials.update']({ materialId: mine.id, fields: { title: '青年志愿者活动记录（五月）', date: '20240512' } });

    const received = await submitAndImport();
    expect(received.conflicts.map((c) => c.materialId)).toEqual([leadCopy.id]);
    expect(received.changed).toEqual([]);
    expect((await lead.api['materials.get']({ materialId: leadCopy.id })).title).toBe('青年志愿者社区服务记录');

    const [conflict] = await lead.api['submissions.conflicts']({ dossierId: leadDossierId });
    expect(conflict).toMatchObject({ materialId: leadCopy.id, unit: '团委', title: '青年志愿者社区服务记录' });
    expect(conflict.differences).toEqual([
      { field: '题名', lead: '青年志愿者社区服务记录', unit: '青年志愿者活动记录（五月）' },
      { field: '责任者', lead: '创建办', unit: '' },
      { field: '日期', lead: '', unit: '20240512' },
    ]);

    // The same bundle's version again, in a later round: still one waiting conflict, not two.
    const again = await submitAndImport();
    expect(again.conflicts).toHaveLength(1);
    expect(await lead.api['submissions.conflicts']({ dossierId: leadDossierId })).toHaveLength(1);

    await lead.api['review.set']({ materialIds: [leadCopy.id], state: 'passed', comment: '' });
    const taken = await lead.api['submissions.resolve']({ materialId: leadCopy.id, take: 'unit' });
    expect(taken).toMatchObject({ title: '青年志愿者活动记录（五月）', date: '20240512', responsible: '' });
    expect(await lead.api['submissions.conflicts']({ dossierId: leadDossierId })).toEqual([]);
    const [status] = (await lead.api['review.statuses']({ dossierId: leadDossierId })).filter((s) => s.materialId === leadCopy.id);
    expect(status.review?.state).toBe('pending');
    const history = await lead.api['materials.history']({ materialId: leadCopy.id });
    expect(history.map((h) => h.summary).join('\n')).toContain('采用团委报送的版本');

    // Applied: a later bundle with nothing new changes nothing.
    const quiet = await submitAndImport();
    expect(quiet.conflicts).toEqual([]);
    expect(quiet.changed).toEqual([]);
  });

  it('keeps the lead’s version when chosen, from the CLI, and does not offer it again', async () => {
    const leadCopy = (await lead.api['materials.list']({ dossierId: leadDossierId })).find((m) => m.title === '团课学习记录')!;
    await lead.api['materials.update']({ materialId: leadCopy.id, fields: { note: '本方补充：附签到表' } });
    const mine = await unitMaterial('团课学习记录');
    await unit.api['materials.update']({ materialId: mine.id, fields: { note: '单位补充' } });
    await submitAndImport();
    await lead.close();

    const listed = await runDossier(['submissions', 'conflicts', '--json', '--archive', path.join(work, 'lead')]);
    expect(listed.code, listed.stderr).toBe(0);
    const conflicts = JSON.parse(listed.stdout) as VersionConflict[];
    expect(conflicts.map((c) => [c.materialId, c.differences])).toEqual([[leadCopy.id, [{ field: '备注', lead: '本方补充：附签到表', unit: '单位补充' }]]]);
    const wrong = await runDossier(['submissions', 'resolve', String(leadCopy.id), '--take', 'both', '--archive', path.join(work, 'lead')]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('--take 应为 unit（采用单位版本）或 lead（保留本方版本）');
    const kept = await runDossier(['submissions', 'resolve', String(leadCopy.id), '--take', 'lead', '--archive', path.join(work, 'lead')]);
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stdout).toContain('已保留本方版本');

    lead = openTestArchive(path.join(work, 'lead'));
    expect((await lead.api['materials.get']({ materialId: leadCopy.id })).note).toBe('本方补充：附签到表');
    const quiet = await submitAndImport();
    expect(quiet.conflicts).toEqual([]);
    expect(quiet.changed).toEqual([]);
    const none = await runDossier(['submissions', 'conflicts', '--archive', path.join(work, 'lead')]);
    expect(none.stdout).toContain('没有待选择的版本冲突');
  });
});
