// The .doc/.wps and .pptx text readers meet files nobody wrote for them: byte-flipped and cut
// copies of the fixtures, and a slide that inflates to 200 MB. Without LibreOffice (so nothing
// else reads them), each file imports or is refused with a Chinese reason naming it; the reader
// thread, not this one, does the work; what a damaged file still holds is found; and 四性检测
// passes afterwards.
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddReport } from '../../shared/domain';
import { writeZip } from '../../electron/core/zip';
import { fixture } from '../helpers/fixtureFiles';
import { openTestArchive, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';

/** A seeded generator (mulberry32): the same damaged copies on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function flipped(bytes: Buffer, next: () => number, flips: number): Buffer {
  const copy = Buffer.from(bytes);
  for (let i = 0; i < flips; i += 1) copy[Math.floor(next() * copy.length)] = Math.floor(next() * 256);
  return copy;
}

describe.sequential('legacy text readers under damaged input', { timeout: 300_000 }, () => {
  let t: TestArchive;
  let before: string | undefined;
  let report: AddReport;
  let longestStallMs = 0;
  const names: string[] = [];

  beforeAll(async () => {
    before = process.env.DOSSIER_SOFFICE;
    process.env.DOSSIER_SOFFICE = 'none';
    const dir = tempDir('dossier-legacy-fuzz-');
    const next = random(20261203);
    const originals = { doc: fixture('office', '工作计划.doc'), pptx: fixture('office', '工作汇报.pptx') };
    for (const [ext, bytes] of Object.entries(originals)) {
      for (let i = 0; i < 12; i += 1) {
        const name = `损坏${i}.${ext}`;
        fs.writeFileSync(path.join(dir, name), flipped(bytes, next, 1 + Math.floor(next() * 40)));
        names.push(name);
      }
      for (const share of [0.1, 0.5, 0.9]) {
        const name = `截断${share * 100}.${ext}`;
        fs.writeFileSync(path.join(dir, name), bytes.subarray(0, Math.floor(bytes.length * share)));
        names.push(name);
      }
    }
    // Valid zips whose slide XML is not what PowerPoint writes: cut mid-tag, odd entities, a slide
    // the list names but the package lacks. JSZip rewrites them, so the CRCs hold.
    const slideOf = async (xml: (old: string) => string, name: string) => {
      const zip = await JSZip.loadAsync(originals.pptx);
      zip.file('ppt/slides/slide1.xml', xml(await zip.file('ppt/slides/slide1.xml')!.async('string')));
      if (name === '缺页.pptx') zip.remove('ppt/slides/slide1.xml');
      fs.writeFileSync(path.join(dir, name), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
      names.push(name);
    };
    await slideOf((x) => x.slice(0, Math.floor(x.length * 0.6)), '半页.pptx');
    await slideOf((x) => x.replace('<a:t>创建工作计划</a:t>', '<a:t>创建&amp;文明&#x4E2D;&#22269;&#x110000;&bogus;&lt;</a:t>'), '实体.pptx');
    await slideOf((x) => x, '缺页.pptx');
    // A slide of 200 MB of XML: refused before JSZip would hold it.
    const run = Buffer.from('<a:p><a:r><a:t>创建</a:t></a:r></a:p>'.repeat(30_000));
    await writeZip(path.join(dir, '超大汇报.pptx'), [
      { name: '[Content_Types].xml', buffer: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/></Types>') },
      { name: 'ppt/presentation.xml', buffer: Buffer.from('<p:presentation xmlns:p="p" xmlns:r="r"><p:sldIdLst><p:sldId id="256" r:id="rId1"/></p:sldIdLst></p:presentation>') },
      { name: 'ppt/_rels/presentation.xml.rels', buffer: Buffer.from('<Relationships><Relationship Id="rId1" Target="slides/slide1.xml"/></Relationships>') },
      {
        name: 'ppt/slides/slide1.xml',
        open: () => {
          let left = 200 * 1024 * 1024;
          return new Readable({
            read() {
              if (left <= 0) return void this.push(null);
              left -= run.length;
              this.push(run);
            },
          });
        },
      },
    ]);
    names.push('超大汇报.pptx');
    t = openTestArchive();
    const { dossier } = await sampleDossier(t.api);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    report = await t.api['materials.add']({ dossierId: dossier.id, paths: [dir], indicatorIds: [] });
    delay.disable();
    longestStallMs = delay.max / 1e6;
  }, 300_000);

  afterAll(async () => {
    if (before === undefined) delete process.env.DOSSIER_SOFFICE;
    else process.env.DOSSIER_SOFFICE = before;
    await t?.close();
  });

  it('imports or refuses each file by name with a Chinese reason, and the batch goes on', () => {
    const seen = [...report.added.map((a) => a.path), ...report.failed.map((f) => f.path), ...report.duplicates.map((d) => d.path)].map((p) => path.basename(p));
    expect(seen.sort()).toEqual([...names].sort());
    for (const f of report.failed) expect(f.reason, f.path).toMatch(/[\u4e00-\u9fff]/);
    // Cut to a tenth, neither format is what it claims.
    expect(report.failed.map((f) => path.basename(f.path))).toEqual(expect.arrayContaining(['截断10.doc', '截断10.pptx']));
    expect(report.added.length).toBeGreaterThan(0);
  });

  it('reads what the damaged slides still hold, entities decoded or kept as written', () => {
    const text = (name: string) =>
      t.ctx.archive.db.prepare('SELECT b.body_text FROM material m JOIN blob b ON b.sha256 = m.sha256 WHERE m.original_name = ?').pluck().get(name) as string | undefined;
    expect(text('实体.pptx')).toContain('创建&文明中国&#x110000;&bogus;<');
    expect(text('半页.pptx')).toContain('指导思想');
    expect(report.added.map((a) => path.basename(a.path))).toEqual(expect.arrayContaining(['半页.pptx', '实体.pptx', '缺页.pptx']));
  });

  it('reads on the reader thread: the main thread never stalls', () => {
    expect(longestStallMs).toBeLessThan(1000);
  });

  it('keeps each indexed text within its limit, and 四性检测 passes afterwards', async () => {
    const texts = t.ctx.archive.db
      .prepare("SELECT m.original_name AS name, b.body_text AS text FROM material m JOIN blob b ON b.sha256 = m.sha256 WHERE b.text_state = 'done'")
      .all() as { name: string; text: string }[];
    for (const { name, text } of texts) expect(text.length, name).toBeLessThanOrEqual(200_000);
    // Most flipped bytes miss the text: those copies are still found by their words.
    expect(texts.filter((r) => r.text.includes('指导思想')).length).toBeGreaterThan(3);
    const verify = await t.api['integrity.verify']({});
    expect(verify.ok, JSON.stringify(verify.problems.filter((p) => p.severity === 'error'))).toBe(true);
  });
});
