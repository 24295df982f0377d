// Prefill is what the file says (never invented); clerks edit one material or many; every
// change is in the material's audit log.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTextPdf } from '../../electron/core/demo/textPdf';
import { openTestArchive, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';
import { docx, photo } from './fixtures';

describe('material metadata', () => {
  const dir = tempDir('dossier-meta-');
  let t: TestArchive;
  let dossierId: number;

  beforeAll(async () => {
    t = openTestArchive();
    dossierId = (await sampleDossier(t.api)).dossier.id;
  });
  afterAll(async () => t?.close());

  const add = async (name: string, bytes: Buffer | Uint8Array) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    const r = await t.api['materials.add']({ dossierId, paths: [file] });
    expect(r.failed).toEqual([]);
    return r.added[0].material;
  };

  it('takes the PDF title from its Info dictionary and the page count, and the date from the name', async () => {
    const m = await add('scan_2024-03-15.pdf', await writeTextPdf('关于成立创建工作领导小组的通知', ['正文。']));
    expect(m.title).toBe('关于成立创建工作领导小组的通知');
    expect(m.pages).toBe(1);
    expect(m.date).toBe('20240315');
  });

  it('takes the DOCX core title, else its first heading, else the file name', async () => {
    expect((await add('a.docx', await docx({ coreTitle: '道德讲堂实施方案', heading: '别的标题', paragraphs: ['x'] }))).title).toBe(
      '道德讲堂实施方案',
    );
    expect((await add('b.docx', await docx({ heading: '志愿服务工作总结', paragraphs: ['y'] }))).title).toBe('志愿服务工作总结');
    const plain = await add('2023年11月5日 会议通知.docx', await docx({ paragraphs: ['z'] }));
    expect(plain.title).toBe('2023年11月5日 会议通知');
    expect(plain.date).toBe('20231105');
  });

  it('reads EXIF time, GPS and camera from a photo; a photo without EXIF gets none', async () => {
    const m = await add('IMG_0001.jpg', await photo({ exif: true }));
    expect(m.exif).toEqual({ takenAt: '2023-11-05 14:30:12', gps: { latitude: 30.258333, longitude: 120.166667 }, camera: 'HUAWEI P40 Pro' });
    expect(m.photoTime).toBe('2023-11-05 14:30');
    expect(m.date).toBe('20231105');
    const bare = await add('IMG_0002.jpg', await photo({ color: '#123' }));
    expect(bare.exif).toBeNull();
    expect(bare.date).toBe('');
    expect(bare.photoTime).toBe('');
  });

  it('edits one material and many at once, and the audit log says what changed', async () => {
    const list = await t.api['materials.list']({ dossierId });
    const [first, second] = list;
    const edited = await t.api['materials.update']({
      materialId: first.id,
      fields: { title: '修改后的题名', responsible: '办公室', docNumber: '示政办〔2024〕3号', retention: '永久' },
    });
    expect(edited).toMatchObject({ title: '修改后的题名', responsible: '办公室', docNumber: '示政办〔2024〕3号', retention: '永久' });
    const many = await t.api['materials.updateMany']({
      materialIds: [first.id, second.id],
      fields: { securityLevel: '内部', photographer: '李明' },
    });
    expect(many.map((m) => m.securityLevel)).toEqual(['内部', '内部']);
    expect(many.map((m) => m.photographer)).toEqual(['李明', '李明']);
    expect(many[1].title).toBe(second.title);
    const history = await t.api['materials.history']({ materialId: first.id });
    expect(history.map((h) => h.action)).toEqual(['add', 'update', 'update']);
    expect(history[1].summary).toContain(`题名：${first.title} → 修改后的题名`);
    expect(history[2].summary).toContain('密级：（空） → 内部');
    // Searchable by what was typed in.
    const found = await t.api['materials.search']({ dossierId, query: '示政办' });
    expect(found.hits.map((h) => h.material.id)).toEqual([first.id]);
  });

  it('takes a date as the clerk writes it, keeps eight digits, and refuses a day that does not exist, in Chinese', async () => {
    const [m] = await t.api['materials.list']({ dossierId });
    expect((await t.api['materials.update']({ materialId: m.id, fields: { date: '2024年3月5日' } })).date).toBe('20240305');
    expect((await t.api['materials.update']({ materialId: m.id, fields: { date: '2024.3.6' } })).date).toBe('20240306');
    await expect(t.api['materials.update']({ materialId: m.id, fields: { date: '2024-2-30' } })).rejects.toThrow(
      '“2024-2-30”不是有效日期，可写作 2023-06-15',
    );
    expect((await t.api['materials.get']({ materialId: m.id })).date).toBe('20240306');
  });
});
