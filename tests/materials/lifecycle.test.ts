// 回收站, 会议纪要 as a form, 组照, and imports as a job with progress and cancel.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTES_MEDIA_TYPE, type Indicator, type Job, type MinutesForm } from '../../shared/domain';
import { openTestArchive, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';
import { photo } from './fixtures';

const form: MinutesForm = {
  meetingName: '创建工作领导小组第一次会议',
  time: '2024年3月15日 14:30',
  place: '三楼会议室',
  host: '张局长',
  attendees: '领导小组全体成员',
  absentees: '无',
  recorder: '李明',
  topics: '部署年度文明单位创建工作',
  decisions: '成立六个专项工作组，每月通报进度',
};

describe('material lifecycle', () => {
  const dir = tempDir('dossier-life-');
  let t: TestArchive;
  let dossierId: number;
  let leaf: Indicator;

  const addPhotos = async (n: number, prefix: string) => {
    const paths: string[] = [];
    for (let i = 0; i < n; i += 1) {
      const file = path.join(dir, `${prefix}${i + 1}.jpg`);
      fs.writeFileSync(file, await photo({ color: `#${prefix.length}${i}${i}a${i}0`, width: 120 + i }));
      paths.push(file);
    }
    return (await t.api['materials.add']({ dossierId, paths, indicatorIds: [leaf.id] })).added.map((a) => a.material);
  };

  beforeAll(async () => {
    t = openTestArchive();
    const s = await sampleDossier(t.api);
    dossierId = s.dossier.id;
    leaf = s.indicators.find((i) => !s.indicators.some((c) => c.parentId === i.id))!;
  });
  afterAll(async () => t?.close());

  it('moves to the 回收站, restores, and purges the file only when nothing else refers to it', async () => {
    const [a] = await addPhotos(1, '回收');
    const file = t.ctx.archive.store.pathFor(a.sha256);
    await t.api['materials.trash']({ materialIds: [a.id] });
    expect((await t.api['materials.list']({ dossierId })).map((m) => m.id)).not.toContain(a.id);
    expect((await t.api['materials.listTrash']({ dossierId })).map((m) => m.id)).toEqual([a.id]);
    expect((await t.api['materials.search']({ dossierId, query: '回收' })).hits).toHaveLength(0);
    await t.api['materials.restore']({ materialIds: [a.id] });
    expect((await t.api['materials.list']({ dossierId, indicatorId: leaf.id })).map((m) => m.id)).toContain(a.id);

    // Purging refuses a live material.
    await expect(t.api['materials.purge']({ materialIds: [a.id] })).rejects.toThrow('不在回收站中');
    await t.api['materials.trash']({ materialIds: [a.id] });
    // The same content filed again (in another dossier) keeps the file alive through the purge.
    const other = await t.api['dossiers.create']({ name: '另一个档案' });
    await t.api['materials.add']({ dossierId: other.id, paths: [path.join(dir, '回收1.jpg')] });
    expect(await t.api['materials.purge']({ materialIds: [a.id] })).toEqual({ purged: 1, filesRemoved: 0 });
    expect(fs.existsSync(file)).toBe(true);
    const [again] = await t.api['materials.list']({ dossierId: other.id });
    await t.api['materials.trash']({ materialIds: [again.id] });
    expect(await t.api['materials.purge']({ materialIds: [again.id] })).toEqual({ purged: 1, filesRemoved: 1 });
    expect(fs.existsSync(file)).toBe(false);
    const history = await t.api['materials.history']({ materialId: a.id });
    expect(history.map((h) => h.action)).toEqual(['add', 'link', 'trash', 'restore', 'trash', 'purge']);
  });

  it('never gives the number of a purged material to a new one, so each change log is its own', async () => {
    const [newest] = await addPhotos(1, '编号不重用');
    await t.api['materials.trash']({ materialIds: [newest.id] });
    await t.api['materials.purge']({ materialIds: [newest.id] });
    const [next] = await addPhotos(1, '新的编号不重用');
    expect(next.id).toBeGreaterThan(newest.id);
    const history = await t.api['materials.history']({ materialId: next.id });
    expect(history.map((h) => h.action)).toEqual(['add', 'link']);
    // The purged one's history is still read under its own number.
    expect((await t.api['materials.history']({ materialId: newest.id })).map((h) => h.action)).toContain('purge');
    // Also across a reopen of the archive (the mark is stored, not kept in memory).
    const minutes = await t.api['materials.saveMinutes']({ dossierId, form, indicatorIds: [] });
    await t.api['materials.trash']({ materialIds: [minutes.id] });
    await t.api['materials.purge']({ materialIds: [minutes.id] });
    const reopened = openTestArchive(t.dir);
    try {
      const [again] = (await reopened.api['materials.add']({ dossierId, paths: [path.join(dir, '编号不重用1.jpg')] })).added;
      expect(again.material.id).toBeGreaterThan(minutes.id);
    } finally {
      await reopened.close();
    }
  });

  it('stores 会议纪要 as the MinutesForm JSON contract and edits it as a new version', async () => {
    const m = await t.api['materials.saveMinutes']({ dossierId, form, indicatorIds: [leaf.id] });
    expect(m).toMatchObject({ kind: 'minutes', mediaType: MINUTES_MEDIA_TYPE, title: form.meetingName, date: '20240315' });
    expect(m.indicatorIds).toEqual([leaf.id]);
    const stored = JSON.parse(fs.readFileSync(t.ctx.archive.store.pathFor(m.sha256), 'utf8')) as MinutesForm;
    expect(stored).toEqual(form);
    expect(await t.api['materials.getMinutes']({ materialId: m.id })).toEqual(form);
    expect((await t.api['materials.search']({ dossierId, query: '专项工作组' })).hits[0].material.id).toBe(m.id);

    const edited = await t.api['materials.saveMinutes']({ dossierId, materialId: m.id, form: { ...form, recorder: '王芳' } });
    expect(edited.id).toBe(m.id);
    expect(edited.sha256).not.toBe(m.sha256);
    expect((await t.api['materials.getMinutes']({ materialId: m.id })).recorder).toBe('王芳');
    expect(fs.existsSync(t.ctx.archive.store.pathFor(m.sha256))).toBe(false);
    expect(await t.api['materials.preview']({ materialId: m.id })).toEqual({ type: 'minutes', form: { ...form, recorder: '王芳' } });
  });

  it('files photos as one 组照 in order with captions, described once', async () => {
    const photos = await addPhotos(3, '组照');
    const group = await t.api['materials.groupPhotos']({
      dossierId,
      materialIds: [photos[2].id, photos[0].id, photos[1].id],
      title: '道德讲堂活动组照',
    });
    expect(group.kind).toBe('photo_group');
    expect(group.photos.map((p) => p.sha256)).toEqual([photos[2].sha256, photos[0].sha256, photos[1].sha256]);
    expect(group.sha256).toBe(photos[2].sha256);
    expect(group.indicatorIds).toEqual([leaf.id]);
    // The single photos are now part of the group, not separate materials.
    const live = (await t.api['materials.list']({ dossierId })).map((m) => m.id);
    for (const p of photos) expect(live).not.toContain(p.id);

    const reordered = await t.api['materials.updateGroup']({
      materialId: group.id,
      photos: [
        { sha256: photos[0].sha256, caption: '主讲人授课' },
        { sha256: photos[1].sha256, caption: '' },
        { sha256: photos[2].sha256, caption: '合影' },
      ],
    });
    expect(reordered.photos.map((p) => p.caption)).toEqual(['主讲人授课', '', '合影']);
    expect(reordered.sha256).toBe(photos[0].sha256);
    expect((await t.api['materials.search']({ dossierId, query: '授课' })).hits[0].material.id).toBe(group.id);
    await expect(
      t.api['materials.updateGroup']({ materialId: group.id, photos: [{ sha256: photos[0].sha256, caption: '' }] }),
    ).rejects.toThrow('照片必须与原组照相同');
    // Purging the group removes all its photos' files.
    await t.api['materials.trash']({ materialIds: [group.id] });
    expect((await t.api['materials.purge']({ materialIds: [group.id] })).filesRemoved).toBe(3);
  });

  it('imports as a job with progress, and a cancelled import keeps what it finished', async () => {
    const folder = path.join(dir, '批量');
    fs.mkdirSync(folder);
    for (let i = 0; i < 40; i += 1) fs.writeFileSync(path.join(folder, `照片${i}.jpg`), await photo({ width: 900, height: 700, color: `#${(i * 97).toString(16).padStart(3, '0').slice(0, 3)}` }));
    const job = await t.api['materials.import']({ dossierId, paths: [folder] });
    expect(job.kind).toBe('import');
    const seen: Job[] = [];
    let current: Job = job;
    let cancelled = false;
    while (current.state === 'running') {
      await new Promise((r) => setTimeout(r, 30));
      current = await t.api['jobs.get']({ jobId: job.id });
      seen.push(current);
      // Cancel once the first files are in (however long the first one took on this machine).
      if (!cancelled && current.progress > 0) {
        cancelled = true;
        await t.api['jobs.cancel']({ jobId: job.id });
      }
    }
    expect(current.state).toBe('cancelled');
    expect(seen.some((j) => j.progress > 0 && j.progress < 1)).toBe(true);
    const filed = (await t.api['materials.list']({ dossierId })).filter((m) => m.originalName.startsWith('照片'));
    expect(filed.length).toBeGreaterThan(0);
    expect(filed.length).toBeLessThan(40);
    // Every filed photo has its file; nothing half-written remains.
    for (const m of filed) expect(fs.existsSync(t.ctx.archive.store.pathFor(m.sha256))).toBe(true);
    expect(fs.readdirSync(t.ctx.archive.tmpDir).filter((f) => f !== 'uploads' && f !== 'session.json')).toEqual([]);

    // Run again to the end: the rest is added, what was there is reported as already filed.
    const second = await t.api['materials.import']({ dossierId, paths: [folder] });
    const done = await t.ctx.jobs.wait(second.id);
    expect(done.state).toBe('done');
    if (done.kind !== 'import' || !done.result) throw new Error('no result');
    expect(done.result.added.length + done.result.duplicates.length).toBe(40);
    expect(done.result.duplicates.length).toBe(filed.length);
  }, 60_000);
});
