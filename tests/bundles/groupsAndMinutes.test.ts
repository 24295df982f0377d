// A unit's 组照 and 会议纪要 travel in its 报送包 like any material: the lead gets the group with
// every photo, its order and captions, and the minutes as the same form; sent again unchanged
// they change nothing, recaptioned they change in place, and a 组照 with one undecodable photo is
// refused whole, naming the photo, while the rest of the bundle lands.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MinutesForm } from '../../shared/domain';
import { archiveKey } from '../../electron/core/bundles/keys';
import { writeBundle } from '../../electron/core/bundles/writeBundle';
import { tempDir, type TestArchive } from '../helpers/tempArchive';
import { openUnitRound } from '../helpers/unitRound';

const form: MinutesForm = {
  meetingName: '创建工作推进会',
  time: '2024年5月8日 9:00',
  place: '三楼会议室',
  host: '李书记',
  attendees: '张三、李四、王五',
  absentees: '',
  recorder: '赵六',
  topics: '部署志愿服务月活动',
  decisions: '五月底前完成社区服务三次',
};

describe('组照 and 会议纪要 in a 报送包', { timeout: 300_000 }, () => {
  const work = tempDir('dossier-bundle-kinds-');
  let lead: TestArchive;
  let unit: TestArchive;
  let leadDossierId = 0;
  let unitDossierId = 0;
  let unitLeaf = 0;
  let code = '';
  const photo = async (name: string, r: number, g: number, b: number) => {
    const file = path.join(work, 'inputs', name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await sharp({ create: { width: 64, height: 48, channels: 3, background: { r, g, b } } }).jpeg().toFile(file);
    return file;
  };
  const submit = async (n: number) => {
    const out = path.join(work, `团委-${n}.dossier-submit`);
    const r = await unit.api['submissions.export']({ dossierId: unitDossierId, out, changedOnly: false });
    expect(r.skipped).toEqual([]);
    return out;
  };

  beforeAll(async () => {
    ({ lead, unit, leadDossierId, unitDossierId, code, unitLeafId: unitLeaf } = await openUnitRound(work, '团委'));
  });
  afterAll(async () => {
    await unit?.close();
    await lead?.close();
  });

  it('carries a 组照 with its photos, order and captions, and a 会议纪要 as its form', async () => {
    const files = [await photo('签到.jpg', 200, 30, 30), await photo('合影.jpg', 30, 200, 30), await photo('现场.jpg', 30, 30, 200)];
    const added = await unit.api['materials.add']({ dossierId: unitDossierId, paths: files, indicatorIds: [unitLeaf] });
    const byName = new Map(added.added.map((a) => [a.material.originalName, a.material.id]));
    const group = await unit.api['materials.groupPhotos']({ dossierId: unitDossierId, materialIds: ['签到.jpg', '合影.jpg', '现场.jpg'].map((n) => byName.get(n)!), title: '志愿服务月活动组照' });
    await unit.api['materials.updateGroup']({ materialId: group.id, photos: group.photos.map((p, i) => ({ sha256: p.sha256, caption: `第${i + 1}张说明` })) });
    await unit.api['materials.update']({ materialId: group.id, fields: { place: '幸福社区', photographer: '团委宣传委员' } });
    await unit.api['materials.saveMinutes']({ dossierId: unitDossierId, form, indicatorIds: [unitLeaf] });

    const received = await lead.api['submissions.import']({ path: await submit(1), acceptNewKey: false });
    expect(received.refused).toEqual([]);
    expect(received.added.map((a) => a.title).sort()).toEqual(['创建工作推进会', '志愿服务月活动组照'].sort());

    const listed = await lead.api['materials.list']({ dossierId: leadDossierId });
    const leadGroup = listed.find((m) => m.title === '志愿服务月活动组照')!;
    expect(leadGroup.kind).toBe('photo_group');
    expect(leadGroup.place).toBe('幸福社区');
    expect(leadGroup.photographer).toBe('团委宣传委员');
    expect(leadGroup.photos.map((p) => p.caption)).toEqual(['第1张说明', '第2张说明', '第3张说明']);
    expect(leadGroup.photos.map((p) => p.originalName)).toEqual(['签到.jpg', '合影.jpg', '现场.jpg']);
    // The very bytes the unit filed, photo by photo; no single photos left beside the group.
    for (const [i, p] of leadGroup.photos.entries()) {
      expect(fs.readFileSync(lead.ctx.archive.store.pathFor(p.sha256)).equals(fs.readFileSync(files[i]))).toBe(true);
    }
    expect(listed.filter((m) => m.kind === 'photo')).toEqual([]);
    const leadIndicators = await lead.api['indicators.list']({ systemId: (await lead.api['dossiers.list']({})).find((d) => d.id === leadDossierId)!.systemId! });
    expect(leadGroup.indicatorIds).toEqual([leadIndicators.find((i) => i.code === code)!.id]);

    const minutes = listed.find((m) => m.kind === 'minutes')!;
    expect(await lead.api['materials.getMinutes']({ materialId: minutes.id })).toEqual(form);
    expect((await lead.api['materials.search']({ dossierId: leadDossierId, query: '社区服务三次' })).hits.map((h) => h.material.id)).toEqual([minutes.id]);
    expect((await lead.api['integrity.verify']({})).problems).toEqual([]);
  });

  it('changes nothing when sent again unchanged, and recaptions the group in place', async () => {
    const again = await lead.api['submissions.import']({ path: await submit(2), acceptNewKey: false });
    expect(again.added).toEqual([]);
    expect(again.changed).toEqual([]);
    expect(again.unchanged).toBe(2);

    const group = (await unit.api['materials.list']({ dossierId: unitDossierId })).find((m) => m.kind === 'photo_group')!;
    const reversed = [...group.photos].reverse().map((p) => ({ sha256: p.sha256, caption: `${p.caption}（改）` }));
    await unit.api['materials.updateGroup']({ materialId: group.id, photos: reversed });
    const changed = await lead.api['submissions.import']({ path: await submit(3), acceptNewKey: false });
    expect(changed.changed.map((c) => c.title)).toEqual(['志愿服务月活动组照']);
    expect(changed.added).toEqual([]);
    const leadGroup = (await lead.api['materials.list']({ dossierId: leadDossierId })).find((m) => m.kind === 'photo_group')!;
    expect(leadGroup.photos.map((p) => p.caption)).toEqual(['第3张说明（改）', '第2张说明（改）', '第1张说明（改）']);
  });

  it('refuses a 组照 whose photo cannot be read, naming it, keeps nothing of it, and lands the rest', async () => {
    // A bundle made by another program (signed with the unit's own key): a 组照 of a good photo
    // and a cut-off JPEG, and a report beside it.
    const good = await photo('好照片.jpg', 90, 90, 90);
    const cut = path.join(work, 'inputs', '坏照片.jpg');
    fs.writeFileSync(cut, fs.readFileSync(await photo('整张.jpg', 10, 120, 160)).subarray(0, 60));
    const report = path.join(work, 'inputs', '团委工作总结.txt');
    fs.writeFileSync(report, '团委五月份志愿服务工作总结\n');
    const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
    const fields = { title: '', responsible: '', docNumber: '', date: '', securityLevel: '', retention: '', pages: null, note: '', photoTime: '', place: '', people: '', photographer: '', description: '' };
    const entry = (f: string, title: string, extra: object = {}) => ({
      uuid: randomUUID().replace(/-/g, ''), kind: 'document', sha256: sha(f), size: fs.statSync(f).size, originalName: path.basename(f),
      fields: { ...fields, title }, indicators: [code], version: sha(f), ...extra,
    });
    const link = unit.ctx.archive.db.prepare('SELECT lead_dossier FROM task_link').get() as { lead_dossier: string };
    const payload = {
      format: 'dossier-submission', version: 1, bundleId: randomUUID().replace(/-/g, ''), createdAt: new Date().toISOString(), round: 9, changedOnly: true, taskRound: 1,
      signer: { publicKey: archiveKey(unit.ctx.archive.db).publicKey }, dossier: { uuid: link.lead_dossier }, unit: { name: '团委' },
      materials: [
        entry(good, '有坏照片的组照', { kind: 'photo_group', photos: [good, cut].map((f) => ({ sha256: sha(f), originalName: path.basename(f), caption: '' })) }),
        entry(report, '团委工作总结'),
      ],
      withdrawn: [],
    };
    const out = path.join(work, '团委-外来.dossier-submit');
    await writeBundle(out, payload, [good, cut, report].map((f) => ({ sha256: sha(f), path: f })), archiveKey(unit.ctx.archive.db));
    const before = await lead.api['materials.list']({ dossierId: leadDossierId });
    const received = await lead.api['submissions.import']({ path: out, acceptNewKey: false });
    expect(received.added.map((a) => a.title)).toEqual(['团委工作总结']);
    expect(received.refused).toHaveLength(1);
    expect(received.refused[0].reason).toContain('组照中的第 2 张照片“坏照片.jpg”');
    const after = await lead.api['materials.list']({ dossierId: leadDossierId });
    expect(after.length).toBe(before.length + 1);
    expect(after.some((m) => m.originalName === '好照片.jpg' || m.originalName === '坏照片.jpg')).toBe(false);
    expect(fs.existsSync(lead.ctx.archive.store.pathFor(sha(good)))).toBe(false);
    expect((await lead.api['integrity.verify']({})).problems).toEqual([]);
  });

  it('refuses a 组照 listing a file that is no photo', async () => {
    const good = await photo('照片甲.jpg', 1, 2, 3);
    const text = path.join(work, 'inputs', '不是照片.txt');
    fs.writeFileSync(text, '这是一段文字，不是照片\n');
    const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
    const fields = { title: '混入文字的组照', responsible: '', docNumber: '', date: '', securityLevel: '', retention: '', pages: null, note: '', photoTime: '', place: '', people: '', photographer: '', description: '' };
    const link = unit.ctx.archive.db.prepare('SELECT lead_dossier FROM task_link').get() as { lead_dossier: string };
    const payload = {
      format: 'dossier-submission', version: 1, bundleId: randomUUID().replace(/-/g, ''), createdAt: new Date().toISOString(), round: 10, changedOnly: true, taskRound: 1,
      signer: { publicKey: archiveKey(unit.ctx.archive.db).publicKey }, dossier: { uuid: link.lead_dossier }, unit: { name: '团委' },
      materials: [{
        uuid: randomUUID().replace(/-/g, ''), kind: 'photo_group', sha256: sha(good), size: fs.statSync(good).size, originalName: '照片甲.jpg', fields, indicators: [code], version: sha(good),
        photos: [good, text].map((f) => ({ sha256: sha(f), originalName: path.basename(f), caption: '' })),
      }],
      withdrawn: [],
    };
    const out = path.join(work, '团委-混入.dossier-submit');
    await writeBundle(out, payload, [good, text].map((f) => ({ sha256: sha(f), path: f })), archiveKey(unit.ctx.archive.db));
    const received = await lead.api['submissions.import']({ path: out, acceptNewKey: false });
    expect(received.added).toEqual([]);
    expect(received.refused[0].reason).toContain('组照中的第 2 个文件“不是照片.txt”不是照片');
    const after = await lead.api['materials.list']({ dossierId: leadDossierId });
    expect(after.some((m) => m.title === '混入文字的组照' || m.originalName === '照片甲.jpg' || m.originalName === '不是照片.txt')).toBe(false);
  });
});
