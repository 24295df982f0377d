// Word and Excel files are zips that mammoth and ExcelJS inflate whole. A DOCX whose
// document.xml inflates to 1 GiB, and an XLSX whose sheet does, are refused at import from the
// zip's own directory, before a byte is inflated; a plain text file of 64 MB is read only as far
// as search needs. The rest of the batch goes on.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddReport } from '../../shared/domain';
import { writeZip } from '../../electron/core/zip';
import { openTestArchive, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';

const GiB = 1024 ** 3;

/** `bytes` of one repeated XML run, made as it is read (never whole in memory). */
function repeated(unit: string, bytes: number): () => Readable {
  const piece = Buffer.from(unit.repeat(Math.ceil((1024 * 1024) / unit.length)));
  return () => {
    let left = bytes;
    return new Readable({
      read() {
        if (left <= 0) return void this.push(null);
        const n = Math.min(left, piece.length);
        left -= n;
        this.push(piece.subarray(0, n));
      },
    });
  };
}

const contentTypes = (main: string, type: string) =>
  Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main}" ContentType="application/vnd.openxmlformats-officedocument.${type}.main+xml"/></Types>`,
  );

describe('zip bombs in Office files', () => {
  let t: TestArchive;
  let report: AddReport;
  let peakRssGrowth = 0;
  let longestStallMs = 0;

  beforeAll(async () => {
    const dir = tempDir('dossier-office-bombs-');
    await writeZip(path.join(dir, '年度总结.docx'), [
      { name: '[Content_Types].xml', buffer: contentTypes('word/document.xml', 'wordprocessingml.document') },
      { name: 'word/document.xml', open: repeated('<w:p><w:r><w:t>创建</w:t></w:r></w:p>', GiB) },
    ]);
    await writeZip(path.join(dir, '台账.xlsx'), [
      { name: '[Content_Types].xml', buffer: contentTypes('xl/workbook.xml', 'spreadsheetml.sheet') },
      { name: 'xl/workbook.xml', buffer: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', open: repeated('<row><c t="inlineStr"><is><t>1</t></is></c></row>', GiB) },
    ]);
    const big = Buffer.from('创建工作日志：今日完成材料整理。\n'.repeat(4096));
    const fd = fs.openSync(path.join(dir, '超长日志.txt'), 'w');
    for (let written = 0; written < 64 * 1024 * 1024; written += big.length) fs.writeSync(fd, big);
    // A stray byte far down (a log cut and glued): read whole, the file would not decode as
    // UTF-8 and would be read as GB18030, garbling all of it.
    fs.writeSync(fd, Buffer.from([0xff, 0x0a]));
    fs.closeSync(fd);
    fs.writeFileSync(path.join(dir, '正常文件.txt'), '志愿服务记录\n');
    // A large honest report (about 12 MB of XML): parsed on the reader thread, not this one.
    const paragraphs: string[] = [];
    for (let i = 0; i < 60_000; i += 1) {
      paragraphs.push(`<w:p><w:r><w:t>第${i}段：${randomBytes(48).toString('hex')} 创建工作台账</w:t></w:r></w:p>`);
    }
    await writeZip(path.join(dir, '大型报告.docx'), [
      { name: '[Content_Types].xml', buffer: contentTypes('word/document.xml', 'wordprocessingml.document') },
      {
        name: 'word/document.xml',
        buffer: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.join('')}</w:body></w:document>`),
      },
    ]);

    t = openTestArchive();
    const { dossier } = await sampleDossier(t.api);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const before = process.memoryUsage().rss;
    const timer = setInterval(() => (peakRssGrowth = Math.max(peakRssGrowth, process.memoryUsage().rss - before)), 20);
    report = await t.api['materials.add']({ dossierId: dossier.id, paths: [dir], indicatorIds: [] });
    clearInterval(timer);
    delay.disable();
    longestStallMs = delay.max / 1e6;
  }, 180_000);

  afterAll(async () => t?.close());

  it('refuses each bomb with the reason, keeps the rest', () => {
    const reason = (name: string) => report.failed.find((f) => path.basename(f.path) === name)?.reason ?? '';
    expect(reason('年度总结.docx')).toContain('压缩数据异常');
    expect(reason('台账.xlsx')).toContain('压缩数据异常');
    expect(report.added.map((a) => path.basename(a.path)).sort()).toEqual(['大型报告.docx', '正常文件.txt', '超长日志.txt']);
    // Nothing was inflated: the import stayed far below the bombs' size.
    expect(peakRssGrowth).toBeLessThan(800 * 1024 * 1024); // the large honest DOCX is parsed meanwhile
  });

  it('reads a large Word file on the reader thread: the main thread never stalls', async () => {
    expect(longestStallMs).toBeLessThan(1000);
    const hits = (await t.api['materials.search']({ dossierId: report.added[0].material.dossierId, query: '第10段' })).hits;
    expect(hits.map((h) => h.material.originalName)).toEqual(['大型报告.docx']);
  });

  it('reads a 64 MB text file only as far as search needs', async () => {
    const row = t.ctx.archive.db
      .prepare("SELECT length(b.body_text) AS n, b.text_state AS state, substr(b.body_text, 1, 40) AS head FROM material m JOIN blob b ON b.sha256 = m.sha256 WHERE m.original_name = '超长日志.txt'")
      .get() as { n: number; state: string; head: string };
    expect(row.state).toBe('done');
    expect(row.head).toContain('创建工作日志');
    expect(row.n).toBeGreaterThan(100_000);
    expect(row.n).toBeLessThanOrEqual(200_000);
  });
});
