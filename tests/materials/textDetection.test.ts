// Text has no magic bytes, and some formats have hardly any: file-type names BMP by “BM” and an
// .exe by “MZ”. A clerk's note that begins so (or, one time in 4096, random base64: a crash test
// once met it) is filed as text and found by its words, while real pictures stay pictures.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddReport } from '../../shared/domain';
import { openTestArchive, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';

describe('text that begins like a binary format', () => {
  let t: TestArchive;
  let report: AddReport;
  let dossierId: number;
  beforeAll(async () => {
    const dir = tempDir('dossier-text-detect-');
    const notes: Record<string, string> = {
      '体检统计.txt': 'BMI 指数统计：职工健康体检情况汇总，超重人数较去年下降。\n',
      '值班记录.txt': 'MZ 门诊值班记录：文明服务窗口本周接待群众一百二十人次。\n',
      '音频说明.txt': 'ID3 标签说明：宣传片配音文件的整理要求。\n',
      '随机编码.txt': `BM${'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo'.repeat(40)}\n`,
    };
    for (const [name, text] of Object.entries(notes)) fs.writeFileSync(path.join(dir, name), text);
    await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6' } }).png().toFile(path.join(dir, '宣传栏.png'));
    t = openTestArchive();
    dossierId = (await sampleDossier(t.api)).dossier.id;
    report = await t.api['materials.add']({ dossierId, paths: [dir], indicatorIds: [] });
  });
  afterAll(async () => t?.close());

  it('files each note as a text document, and the picture as a photo', () => {
    expect(report.failed).toEqual([]);
    const kinds = Object.fromEntries(report.added.map((a) => [path.basename(a.path), [a.material.kind, a.material.mediaType]]));
    expect(kinds).toEqual({
      '体检统计.txt': ['document', 'text/plain'],
      '值班记录.txt': ['document', 'text/plain'],
      '音频说明.txt': ['document', 'text/plain'],
      '随机编码.txt': ['document', 'text/plain'],
      '宣传栏.png': ['photo', 'image/png'],
    });
  });

  it('finds the notes by their words', async () => {
    const found = async (query: string) => (await t.api['materials.search']({ dossierId, query })).hits.map((h) => h.material.originalName);
    expect(await found('超重人数')).toEqual(['体检统计.txt']);
    expect(await found('文明服务窗口')).toEqual(['值班记录.txt']);
  });

  it('passes 四性检测: the check reads the signatures as the import did', async () => {
    const verify = await t.api['integrity.verify']({});
    expect(verify.problems).toEqual([]);
  });
});
