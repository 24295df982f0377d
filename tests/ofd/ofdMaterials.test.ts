// Issue 14 point 4: OFD 电子公文 as real materials. A batch of good and bad .ofd files: the good
// ones are filed as documents (pages counted, 电子签章 named), each bad one gets its reason and
// the batch goes on; search finds a word only the OFD holds; the preview draws its pages;
// 四性检测 passes them, and flags a stored OFD that no longer opens.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddReport } from '../../shared/domain';
import {
  encryptedEntryOfd,
  missingDocumentXml,
  OFD_ONLY_WORD,
  redHeadOfd,
  rootRelativePagesOfd,
  templateOfd,
  truncatedOfd,
  twoPageOfd,
  withDtd,
  withoutOfdXml,
  xmlBombOfd,
} from '../helpers/ofdSamples';
import { openTestArchive, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';

describe('OFD materials', () => {
  let t: TestArchive;
  let dossierId: number;
  let report: AddReport;
  const inputs = tempDir('dossier-ofd-in-');
  const added = (name: string) => report.added.find((a) => path.basename(a.path) === name)!;
  const failure = (name: string) => report.failed.find((f) => path.basename(f.path) === name)?.reason ?? '';

  beforeAll(async () => {
    t = openTestArchive();
    dossierId = (await sampleDossier(t.api)).dossier.id;
    const files: [string, Buffer][] = [
      ['关于开展文明创建工作的通知.ofd', await redHeadOfd()],
      ['创建工作台账.ofd', await twoPageOfd()],
      ['带模板的公文.ofd', await templateOfd()],
      ['页面路径从根目录写起.ofd', await rootRelativePagesOfd()],
      ['没有入口文件.ofd', await withoutOfdXml()],
      ['未下载完的公文.ofd', await truncatedOfd()],
      ['缺少文档主体.ofd', await missingDocumentXml()],
      ['设有密码的公文.ofd', await encryptedEntryOfd()],
      ['带实体声明的公文.ofd', await withDtd()],
      ['解压炸弹.ofd', await xmlBombOfd()],
      ['不是公文.ofd', Buffer.from('这只是一段文字，不是 OFD 文档。\n'.repeat(20))],
    ];
    for (const [name, bytes] of files) fs.writeFileSync(path.join(inputs, name), bytes);
    report = await t.api['materials.add']({ dossierId, paths: [inputs] });
  }, 60_000);
  afterAll(async () => t?.close());

  it('files the good OFD files as documents with their page counts, and names a signed one', () => {
    expect(report.added).toHaveLength(4);
    const notice = added('关于开展文明创建工作的通知.ofd');
    expect(notice.material).toMatchObject({ kind: 'document', mediaType: 'application/ofd', pages: 1, title: '关于开展文明创建工作的通知' });
    expect(notice.notice).toContain('电子签章');
    expect(added('创建工作台账.ofd').material.pages).toBe(2);
    expect(added('页面路径从根目录写起.ofd').material.pages).toBe(2);
    expect(added('带模板的公文.ofd').notice ?? '').not.toContain('电子签章');
  });

  it('refuses each bad file with its reason in Chinese and goes on with the batch', () => {
    expect(report.failed).toHaveLength(7);
    expect(failure('解压炸弹.ofd')).toContain('超过上限 64 MB');
    expect(failure('带实体声明的公文.ofd')).toContain('DTD');
    expect(failure('没有入口文件.ofd')).toContain('缺少入口文件 OFD.xml');
    expect(failure('未下载完的公文.ofd')).toContain('不完整');
    expect(failure('缺少文档主体.ofd')).toContain('Doc_0/Document.xml');
    expect(failure('设有密码的公文.ofd')).toContain('已加密');
    expect(failure('不是公文.ofd')).toContain('.ofd');
  });

  it('finds a word that only the OFD holds, by its body text', async () => {
    const hits = (await t.api['materials.search']({ dossierId, query: OFD_ONLY_WORD, filters: {} })).hits;
    expect(hits.map((h) => h.material.id)).toEqual([added('关于开展文明创建工作的通知.ofd').material.id]);
    expect(hits[0].snippetSource).toBe('body');
    // A template page's text is the page's text too.
    const template = (await t.api['materials.search']({ dossierId, query: '模板页脚', filters: {} })).hits;
    expect(template.map((h) => h.material.id)).toEqual([added('带模板的公文.ofd').material.id]);
  });

  it('previews the pages as drawings, saying the document carries a seal it does not verify', async () => {
    const preview = await t.api['materials.preview']({ materialId: added('关于开展文明创建工作的通知.ofd').material.id });
    if (preview.type !== 'html') throw new Error(`preview ${preview.type}`);
    expect(preview.html).toContain('<svg');
    expect(preview.html).toContain('某某市文明办文件');
    expect(preview.html).toContain('未验证签章');
    expect(preview.html).toContain('data:image/png;base64,');
  });

  it('四性检测 passes the filed OFDs and flags one that no longer opens', async () => {
    const first = await t.api['integrity.verify']({});
    expect(first.problems, JSON.stringify(first.problems)).toEqual([]);
    // A genuine file (its hash intact) that does not open as an OFD: rows written directly, as an
    // older version that accepted any .ofd would have.
    const half = path.join(tempDir('dossier-ofd-half-'), 'half.ofd');
    fs.writeFileSync(half, await missingDocumentXml());
    const stored = await t.ctx.archive.store.putFile(half);
    const now = new Date().toISOString();
    t.ctx.archive.db.prepare("INSERT INTO blob (sha256, size, media_type, created_at) VALUES (?, ?, 'application/ofd', ?)").run(stored.sha256, stored.size, now);
    const id = Number(
      t.ctx.archive.db
        .prepare("INSERT INTO material (dossier_id, kind, sha256, original_name, title, created_at, updated_at) VALUES (?, 'document', ?, 'half.ofd', '残缺的公文', ?, ?)")
        .run(dossierId, stored.sha256, now, now).lastInsertRowid,
    );
    try {
      const second = await t.api['integrity.verify']({});
      const usability = second.problems.filter((p) => p.check === 'usability');
      expect(usability.map((p) => [p.materialId, p.message.includes('Doc_0/Document.xml')])).toEqual([[id, true]]);
    } finally {
      t.ctx.archive.db.prepare('DELETE FROM material WHERE id = ?').run(id);
      t.ctx.archive.db.prepare('DELETE FROM blob WHERE sha256 = ?').run(stored.sha256);
    }
  });
});
