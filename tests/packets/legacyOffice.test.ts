// Legacy Word/Excel, WPS and slides as materials: each imports, previews as LibreOffice's pages
// and reaches the packet with its words on them (pdftotext); password-protected ones are kept,
// flagged by 四性检测 and stand in the packet as a page saying why; damaged ones are refused with
// a reason while the batch goes on. Without LibreOffice (DOSSIER_SOFFICE=none) each stands in as
// a page naming the program to install, and .doc, .wps and .pptx are still found by their words.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJob } from '../helpers/exportJob';
import { fixture } from '../helpers/fixtureFiles';
import { cut, passwordDoc, passwordPptx, passwordXls, PLAN_WORDS, SHEET_WORDS, slides, soffice } from '../helpers/legacyOfficeFiles';
import { pdfText } from '../helpers/pdfTools';
import { openTestArchive, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';

const program = soffice();
const flat = (s: string) => s.replace(/\s+/g, '');

async function fileAll(t: TestArchive, files: Record<string, Buffer>) {
  const { dossier, indicators } = await sampleDossier(t.api);
  const leaf = indicators.find((i) => !indicators.some((j) => j.parentId === i.id))!;
  const inputs = path.join(t.dir, '..', 'inputs');
  fs.mkdirSync(inputs, { recursive: true });
  const paths = Object.entries(files).map(([name, bytes]) => {
    fs.writeFileSync(path.join(inputs, name), bytes);
    return path.join(inputs, name);
  });
  const added = await t.api['materials.add']({ dossierId: dossier.id, paths, indicatorIds: [leaf.id] });
  const packet = await t.api['packets.create']({ dossierId: dossier.id, name: '旧版文件', definition: {} as never });
  const job = await exportJob(t.api, { packetId: packet.id, outDir: path.join(t.dir, '..', 'out'), xlsx: false, folder: false });
  return { added, pdf: job.result!.pdfPath! };
}

describe.skipIf(!program)('legacy Office, WPS and slides with LibreOffice', { timeout: 600_000 }, () => {
  let t: TestArchive;
  let filed: Awaited<ReturnType<typeof fileAll>>;
  let text: string;
  beforeAll(async () => {
    const doc = fixture('office', '工作计划.doc');
    const xls = fixture('office', '活动台账.xls');
    const { pptx, ppt, dps, et } = slides(program!);
    t = openTestArchive(path.join(tempDir('dossier-legacy-'), 'archive'));
    filed = await fileAll(t, {
      '工作计划.doc': doc,
      '通知.wps': fixture('office', '活动通知.doc'),
      '活动台账.xls': xls,
      '台账.et': et,
      '汇报.pptx': pptx,
      '汇报旧版.ppt': ppt,
      '汇报演示.dps': dps,
      '加密的计划.doc': passwordDoc(doc),
      '加密的台账.xls': passwordXls(xls),
      '加密的汇报.pptx': passwordPptx(),
      '截断的汇报.pptx': cut(pptx),
      '截断的汇报.ppt': cut(ppt),
    });
    text = flat(pdfText(filed.pdf));
  }, 600_000);
  afterAll(async () => t?.close());

  it('imports every intact and password-protected file, and refuses damaged ones by name while the batch goes on', () => {
    const titles = filed.added.added.map((a) => a.material.title).sort();
    expect(titles).toEqual(['加密的台账', '加密的汇报', '加密的计划', '台账', '工作计划', '汇报', '汇报旧版', '汇报演示', '活动台账', '通知'].sort());
    const failed = filed.added.failed.map((f) => `${path.basename(f.path)}: ${f.reason}`).sort();
    expect(failed).toHaveLength(2);
    expect(failed[0]).toMatch(/^截断的汇报\.ppt: .*(损坏|不完整)/);
    // A cut .pptx no longer reads as the zip it was: named as not being the format it claims.
    expect(failed[1]).toMatch(/^截断的汇报\.pptx: .*(损坏|不完整|内容不是PowerPoint)/);
  });

  it("puts each document's words on its pages in the packet", () => {
    // The plan: as a .doc, and as slides in three formats.
    for (const w of PLAN_WORDS) expect(text.split(w).length - 1, w).toBeGreaterThanOrEqual(4);
    for (const w of SHEET_WORDS) expect(text.split(w).length - 1, w).toBeGreaterThanOrEqual(2);
    expect(text).toContain('文明单位创建活动通知'.slice(0, 2));
  });

  it('finds each by the words inside it: read by a library (.doc, .wps, .pptx) or from its converted pages', async () => {
    const dossierId = filed.added.added[0].material.dossierId;
    const found = async (query: string) =>
      (await t.api['materials.search']({ dossierId, query })).hits.filter((h) => h.snippetSource === 'body').map((h) => h.material.title).sort();
    expect(await found('每月召开一次创建工作推进会')).toEqual(['工作计划', '汇报', '汇报旧版', '汇报演示'].sort());
    expect(await found('负责人')).toEqual(['台账', '活动台账'].sort());
  });

  it('stands a page saying why in for each password-protected file', () => {
    expect(text.split(flat('设置了打开密码，无法转换')).length - 1).toBe(3);
  });

  it('previews each as its converted pages, and names the password in 四性检测', async () => {
    for (const { material: m } of filed.added.added) {
      const preview = await t.api['materials.preview']({ materialId: m.id });
      if (m.title.startsWith('加密')) expect(preview).toMatchObject({ type: 'office', converted: false, reason: expect.stringContaining('打开密码') });
      else expect(preview, m.title).toEqual({ type: 'office', converted: true });
    }
    const report = await t.api['integrity.verify']({});
    expect(report.ok, JSON.stringify(report.problems.filter((p) => p.severity === 'error'))).toBe(true);
    const flagged = new Set(report.problems.filter((p) => p.message.includes('打开密码')).map((p) => p.materialId));
    expect([...flagged].sort()).toEqual(filed.added.added.filter((a) => a.material.title.startsWith('加密')).map((a) => a.material.id).sort());
  });
});

describe('legacy Office without LibreOffice', { timeout: 300_000 }, () => {
  let t: TestArchive;
  let before: string | undefined;
  let filed: Awaited<ReturnType<typeof fileAll>>;
  beforeAll(async () => {
    before = process.env.DOSSIER_SOFFICE;
    process.env.DOSSIER_SOFFICE = 'none';
    t = openTestArchive(path.join(tempDir('dossier-no-office-'), 'archive'));
    filed = await fileAll(t, {
      '工作计划.doc': fixture('office', '工作计划.doc'),
      '通知.wps': fixture('office', '活动通知.doc'),
      '工作汇报.pptx': fixture('office', '工作汇报.pptx'),
      '活动台账.xls': fixture('office', '活动台账.xls'),
    });
  }, 300_000);
  afterAll(async () => {
    if (before === undefined) delete process.env.DOSSIER_SOFFICE;
    else process.env.DOSSIER_SOFFICE = before;
    await t?.close();
  });

  it('imports the files, previews and packets a page naming LibreOffice to install', async () => {
    const { added, pdf } = filed;
    expect(added.failed).toEqual([]);
    const text = flat(pdfText(pdf));
    // pdftotext drops the “ffi” ligature the font draws: “LibreO…ce”.
    expect(text.split(/未找到LibreO.{0,3}ce，请安装LibreO.{0,3}ce（免费软件）后重新导出/).length - 1).toBe(4);
    for (const { material: m } of added.added) {
      const preview = await t.api['materials.preview']({ materialId: m.id });
      expect(preview).toMatchObject({ type: 'office', converted: false, reason: expect.stringContaining('未找到 LibreOffice，请安装 LibreOffice') });
    }
  });

  it('still finds Word 97–2003, WPS 文字 and .pptx files by their words, read without LibreOffice', async () => {
    const dossierId = filed.added.added[0].material.dossierId;
    const found = async (query: string) =>
      (await t.api['materials.search']({ dossierId, query })).hits.filter((h) => h.snippetSource === 'body').map((h) => h.material.title).sort();
    for (const w of PLAN_WORDS) expect(await found(w), w).toEqual(['工作汇报', '工作计划'].sort());
    expect(await found('学雷锋志愿服务')).toEqual(['通知']);
    // The sheet's words need LibreOffice: nothing is found, and nothing wrong is.
    expect(await found('负责人')).toEqual([]);
  });
});
