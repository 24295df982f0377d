// The packet export end to end through the real core (direct transport, real SQLite, real
// Chromium), checked with the tools a clerk's PDF will meet: qpdf, poppler, exceljs.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api';
import { MINUTES_MEDIA_TYPE, type Indicator, type JobOf, type Material } from '../../shared/domain';
import { createContext, type CoreContext } from '../../electron/core/context';
import { createDirectClient } from '../../electron/core/directClient';
import { createHandlers } from '../../electron/core/handlers';
import { createChromiumRenderer } from '../../electron/core/render/chromiumRenderer';
import { CATALOGUE_COLUMNS } from '../../electron/core/packets/xlsx';
import { waitForExport } from '../helpers/exportJob';
import { darkPixels } from '../helpers/pdfTools';
import { sampleDossier, tempDir } from '../helpers/tempArchive';
import { chinesePdf, docx, encryptPdf, inputPath, mp4, png, sidewaysJpeg } from './fixtures';

const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });

interface OutlineItem {
  title: string;
  destpageposfrom1: number;
  kids: OutlineItem[];
}

function flattenOutline(items: OutlineItem[]): OutlineItem[] {
  return items.flatMap((item) => [item, ...flattenOutline(item.kids)]);
}

describe('packet export', () => {
  let dir: string;
  let ctx: CoreContext;
  let api: ApiClient;
  let dossierId: number;
  let indicators: Indicator[];
  let leaves: Indicator[];
  const label = (i: Indicator) => `${i.code} ${i.title}`;
  let job: JobOf<'export'>;
  let outDir: string;
  let materials: Material[];
  let exportSeconds: number;
  const codeOf = (id: number) => indicators.find((i) => i.id === id)!.code;
  const titles = {
    minutes: '领导小组会议纪要20240312',
    photo: '道德讲堂活动照片',
    png: '志愿服务活动现场',
    docx: '创建工作实施方案',
    encrypted: '安全生产检查记录（加密）',
    video: '志愿服务宣传片',
    minutes2: '第二季度创建工作推进会',
    sheet: '志愿者服务时长统计表',
    group: '学雷锋志愿服务组照',
  };

  beforeAll(async () => {
    dir = tempDir('dossier-packet-');
    ctx = createContext({ archiveDir: path.join(dir, 'archive'), transport: 'direct', createRenderer: createChromiumRenderer });
    api = createDirectClient(createHandlers(ctx));
    const sample = await sampleDossier(api);
    dossierId = sample.dossier.id;
    indicators = sample.indicators;
    // Leaves by position, so the test does not depend on the sample system's wording.
    leaves = indicators.filter((i) => !indicators.some((j) => j.parentId === i.id));
    expect(leaves.length).toBeGreaterThanOrEqual(10);

    const inputs = path.join(dir, 'inputs');
    const minutes = inputPath(inputs, `${titles.minutes}.pdf`);
    await chinesePdf(minutes, ['会议纪要第一页：研究部署创建工作', '会议纪要第二页：明确分工和责任']);
    const photo = inputPath(inputs, `${titles.photo}.jpg`);
    await sidewaysJpeg(photo, 1200, 800);
    const pngFile = inputPath(inputs, `${titles.png}.png`);
    await png(pngFile, 640, 480);
    const word = inputPath(inputs, `${titles.docx}.docx`);
    await docx(word, ['创建工作实施方案正文', '一、指导思想：以社会主义核心价值观为引领。', '二、工作目标：全面提升单位文明程度。']);
    const plain = inputPath(inputs, 'plain.pdf');
    await chinesePdf(plain, ['检查记录正文']);
    const encrypted = inputPath(inputs, `${titles.encrypted}.pdf`);
    encryptPdf(plain, encrypted);
    const video = inputPath(inputs, `${titles.video}.mp4`);
    mp4(video);

    const add = async (file: string, at: number[]) => {
      const report = await api['materials.add']({ dossierId, paths: [file], indicatorIds: at.map((n) => leaves[n].id) });
      expect(report.failed).toEqual([]);
      expect(report.added).toHaveLength(1);
    };
    await add(minutes, [0, 3]);
    await add(word, [1]);
    await add(photo, [4]);
    await add(pngFile, [6]);
    await add(video, [6]);
    await add(encrypted, [8]);
    // 会议纪要 filled in as a form, a spreadsheet, and a 组照 of two photos with captions.
    await api['materials.saveMinutes']({
      dossierId,
      form: {
        meetingName: titles.minutes2,
        time: '2024年6月18日 14:30',
        place: '三楼会议室',
        host: '张主任',
        attendees: '各科室负责人',
        absentees: '',
        recorder: '李干事',
        topics: '研究第二季度创建重点任务',
        decisions: '一、各科室六月底前完成自查。',
      },
      indicatorIds: [leaves[9].id],
    });
    const sheetFile = inputPath(inputs, `${titles.sheet}.xlsx`);
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('统计');
    ws.addRow(['姓名', '服务时长（小时）']);
    ws.addRow(['王晓明', 36]);
    await book.xlsx.writeFile(sheetFile);
    await add(sheetFile, [9]);
    const g1 = inputPath(inputs, '组照一.jpg');
    const g2 = inputPath(inputs, '组照二.jpg');
    await sidewaysJpeg(g1, 600, 400);
    await png(g2, 500, 400);
    const r1 = await api['materials.add']({ dossierId, paths: [g1, g2], indicatorIds: [leaves[5].id] });
    const group = await api['materials.groupPhotos']({ dossierId, materialIds: r1.added.map((a) => a.material.id), title: titles.group });
    await api['materials.updateGroup']({
      materialId: group.id,
      photos: group.photos.map((p, i) => ({ sha256: p.sha256, caption: i === 0 ? '志愿者清扫街道' : '志愿者合影' })),
    });
    materials = await api['materials.list']({ dossierId });
    // 自评: a score on the first leaf and a pass line, for the divider and the 自评表.
    await api['selfEval.set']({ dossierId, indicatorId: leaves[0].id, score: Math.min(1, leaves[0].score ?? 1) });
    await api['selfEval.setPassLine']({ dossierId, passLine: 85 });

    outDir = path.join(dir, 'out');
    const started = performance.now();
    // Every indicator, those without material too (a packet's choice; the default leaves them out).
    const packet = await api['packets.create']({ dossierId, name: '全部指标', definition: { emptyIndicators: 'show' } as never });
    const { jobId } = await api['packets.export']({ packetId: packet.id, outDir });
    job = await waitForExport(api, jobId);
    exportSeconds = (performance.now() - started) / 1000;
  }, 180_000);

  afterAll(async () => {
    await ctx?.close();
    // DOSSIER_KEEP_TEST_OUTPUT=1 keeps the archive and outputs for a look by eye.
    if (process.env['DOSSIER_KEEP_TEST_OUTPUT']) console.info(`kept: ${dir}`);
    else if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const pdfPath = () => job.result!.pdfPath!;
  const filingCount = () => materials.reduce((n, m) => n + m.indicatorIds.length, 0);

  it('finishes with the three outputs under their names, and nothing else in the folder', () => {
    expect(job.error).toBeNull();
    expect(job.state).toBe('done');
    const result = job.result!;
    expect(path.basename(result.pdfPath!)).toBe('2024年度文明单位创建-迎检资料.pdf');
    expect(path.basename(result.xlsxPath!)).toBe('2024年度文明单位创建-归档文件目录.xlsx');
    expect(path.basename(result.folderPath!)).toBe('2024年度文明单位创建-材料');
    expect(fs.readdirSync(outDir).sort()).toEqual(
      [result.pdfPath!, result.xlsxPath!, result.folderPath!].map((p) => path.basename(p)).sort(),
    );
    expect(result.materialCount).toBe(9);
    // The encrypted PDF stands in as a placeholder page; the video has its own page (mediaPages.test.ts).
    expect(result.notices.map((n) => n.title).sort()).toEqual([titles.encrypted]);
    const size = fs.statSync(result.pdfPath!).size;
    console.info(`packet: ${result.pageCount} pages, ${(size / 1024).toFixed(0)} KB, export ${exportSeconds.toFixed(2)} s`);
  });

  it('passes qpdf --check, with the page count and metadata it claims', () => {
    const check = spawnSync('qpdf', ['--check', pdfPath()], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const info = run('pdfinfo', [pdfPath()]);
    expect(info).toMatch(new RegExp(`^Pages:\\s+${job.result!.pageCount}$`, 'm'));
    expect(info).toMatch(/^Title:\s+2024年度文明单位创建迎检资料$/m);
    expect(info).toMatch(/^Author:\s+示例单位$/m);
  });

  it('embeds the font as a harfbuzz subset, regular and bold, without pdf-lib’s broken subsetting', () => {
    const fonts = run('pdffonts', [pdfPath()]);
    // (The merged test PDF brings its own NotoSansSC-Regular subset too.)
    const ours = fonts.split('\n').filter((l) => /^[A-Z]{6}\+NotoSansSC-(Regular|Bold)\s/.test(l));
    expect(new Set(ours.map((l) => l.split(/\s+/)[0].split('+')[1]))).toEqual(new Set(['NotoSansSC-Bold', 'NotoSansSC-Regular']));
    for (const line of ours) expect(line).toMatch(/\syes\s+yes\s+yes\s/);
  });

  it('has the cover title and every material title as extractable text', () => {
    const text = run('pdftotext', [pdfPath(), '-']);
    expect(text).toContain('2024年度文明单位创建迎检资料');
    for (const m of materials) expect(text, m.title).toContain(m.title);
    // DOCX content made it through mammoth and Chromium.
    expect(text).toContain('以社会主义核心价值观为引领');
    // The placeholder says why.
    expect(text).toContain('PDF 文件已加密');
    expect(text).toContain('视频文件无法放入 PDF');
    // Minutes from their form, the spreadsheet as a table, each photo of the group with its caption.
    expect(text).toContain('研究第二季度创建重点任务');
    expect(text).toContain('三楼会议室');
    expect(text).toContain('王晓明');
    expect(text).toContain('志愿者清扫街道（第 1 张 / 共 2 张）');
    expect(text).toContain('志愿者合影（第 2 张 / 共 2 张）');
  });

  it('has a catalogue whose page numbers point at each entry and account for every page', () => {
    const pages = job.result!.pageCount;
    const pageText = (n: number) => run('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdfPath(), '-']);
    let firstDivider = 2;
    while (!/测评指标 1\s*\n/.test(pageText(firstDivider))) firstDivider += 1;
    const catalogue = Array.from({ length: firstDivider - 2 }, (_, i) => pageText(2 + i)).join('\n');
    expect(catalogue).toMatch(/目\s*录/);
    const entries = new Map<string, number>();
    for (const line of catalogue.split('\n')) {
      const m = /^\s*(\S.*?)\s+(\d+)\s*$/.exec(line);
      // A material filed twice reads alike under both indicators: keep its first place.
      if (m && !entries.has(m[1].replace(/\s+/g, ' '))) entries.set(m[1].replace(/\s+/g, ' '), Number(m[2]));
    }
    // One entry per indicator and per filing; a material filed under two indicators appears under
    // each with its one 档号, so those two lines read alike.
    expect(entries.size).toBe(indicators.length + materials.length);
    // The first entry starts right after the catalogue; the last indicator (no materials, a
    // one-page divider) is the last page.
    const first = indicators[0];
    expect(entries.get(`${first.code} ${first.title}`)).toBe(firstDivider);
    const last = indicators[indicators.length - 1];
    expect(entries.get(`${last.code} ${last.title}`)).toBe(pages);
    // Each material's entry points at the page where its own content begins.
    const startOf = (title: string) => [...entries].find(([k]) => k.endsWith(` ${title}`))![1];
    expect(pageText(startOf(titles.minutes))).toContain('会议纪要第一页');
    expect(pageText(startOf(titles.minutes) + 1)).toContain('会议纪要第二页');
    expect(pageText(startOf(titles.docx))).toContain('创建工作实施方案正文');
    expect(pageText(startOf(titles.photo))).toContain(`题名：${titles.photo}`);
    expect(pageText(startOf(titles.encrypted))).toContain('未显示原因');
    // The divider of the first leaf prints its 自评 score.
    expect(pageText(startOf(titles.minutes) - 1)).toMatch(/自评得分\s+\d+(\.\d+)?\s*分/);
    // Footers count from the cover.
    expect(pageText(startOf(titles.docx))).toContain(`第 ${startOf(titles.docx)} 页 / 共 ${pages} 页`);
  });

  it('has a bookmark for the catalogue, every indicator (nested) and every filing', () => {
    const json = JSON.parse(run('qpdf', ['--json', '--json-key=outlines', pdfPath()])) as { outlines: OutlineItem[] };
    const all = flattenOutline(json.outlines);
    expect(all).toHaveLength(1 + indicators.length + filingCount());
    const topLevel = indicators.filter((i) => i.depth === 1).map((i) => `${i.code} ${i.title}`);
    expect(json.outlines.map((o) => o.title)).toEqual(['目录', ...topLevel]);
    const parent = indicators.find((i) => i.id === leaves[0].parentId)!;
    const branch = all.find((o) => o.title === label(parent))!;
    expect(branch.kids.map((k) => k.title)).toContain(label(leaves[0]));
    const leaf = flattenOutline(json.outlines).find((o) => o.title === label(leaves[0]))!;
    expect(leaf.kids.map((k) => k.title)).toEqual([titles.minutes]);
    expect(leaf.kids[0].destpageposfrom1).toBe(leaf.destpageposfrom1 + 1);
  });

  it('renders cover and catalogue text as visible glyphs, not blanks', async () => {
    const prefix = path.join(dir, 'render');
    run('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '2', pdfPath(), prefix]);
    const [cover, catalogue] = fs
      .readdirSync(dir)
      .filter((f) => f.startsWith('render'))
      .sort()
      .map((f) => path.join(dir, f));
    // Cover title sits about a third down the page; the catalogue heading at the top.
    expect(await darkPixels(cover, { top: 0.25, bottom: 0.45 })).toBeGreaterThan(400);
    expect(await darkPixels(catalogue, { top: 0.05, bottom: 0.15 })).toBeGreaterThan(80);
    expect(await darkPixels(catalogue, { top: 0.15, bottom: 0.9 })).toBeGreaterThan(1500);
  });

  it('puts photos upright (EXIF orientation applied) and bounded in size', () => {
    const list = run('pdfimages', ['-list', pdfPath()]);
    const sizes = list
      .split('\n')
      .slice(2)
      .map((l) => l.trim().split(/\s+/))
      .filter((cols) => cols[2] === 'image')
      .map((cols) => `${cols[3]}x${cols[4]}`);
    expect(sizes).toContain('800x1200');
    expect(sizes).toContain('640x480');
  });

  it('writes the DA/T 22 workbook: exact columns, one row per filing, pages as in the packet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(job.result!.xlsxPath!);
    const sheet = workbook.getWorksheet('归档文件目录')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...CATALOGUE_COLUMNS]);
    expect(sheet.actualRowCount).toBe(1 + filingCount());
    const rows = Array.from({ length: filingCount() }, (_, i) => sheet.getRow(i + 2));
    expect(rows.map((r) => r.getCell(1).value)).toEqual(rows.map((_, i) => i + 1));
    const minutesRows = rows.filter((r) => r.getCell(5).value === titles.minutes);
    expect(minutesRows.map((r) => r.getCell(10).value)).toEqual([leaves[0].code, leaves[3].code]);
    expect(minutesRows.map((r) => r.getCell(8).value)).toEqual([2, 2]);
    expect(minutesRows[0].getCell(6).value).toBe('20240312');
    const encryptedRow = rows.find((r) => r.getCell(5).value === titles.encrypted)!;
    expect(encryptedRow.getCell(8).value).toBe(1);
    expect(String(encryptedRow.getCell(9).value)).toContain('已加密');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.pageSetup.paperSize).toBe(9);
    expect(sheet.pageSetup.printTitlesRow).toBe('1:1');

    const coverage = workbook.getWorksheet('覆盖情况')!;
    const statusOf = (code: string) => {
      for (let r = 2; r <= coverage.actualRowCount; r += 1) {
        if (coverage.getRow(r).getCell(1).value === code) return coverage.getRow(r).getCell(5).value;
      }
      return undefined;
    };
    expect(statusOf(leaves[0].code)).toBe('已覆盖');
    expect(statusOf(leaves[2].code)).toBe('缺项');

    // 档号 by the default rule: one per material (the 纪要 filed twice keeps its one), 件号
    // running 1, 2, 3 … without gaps within each 年度 and 保管期限.
    const codes = rows.map((r) => String(r.getCell(2).value));
    for (const c of codes) expect(c).toMatch(/^\d{4}-D10-\d{4}$/);
    expect(new Set(codes).size).toBe(materials.length);
    const byClass = new Map<string, number[]>();
    for (const c of new Set(codes)) {
      const cls = c.slice(0, c.lastIndexOf('-'));
      byClass.set(cls, [...(byClass.get(cls) ?? []), Number(c.split('-').pop())]);
    }
    for (const numbers of byClass.values()) expect(numbers.sort((a, b) => a - b)).toEqual(numbers.map((_, i) => i + 1));

    // 材料索引: per indicator a heading row, then its materials numbered from 1 with their page.
    const index = workbook.getWorksheet('材料索引')!;
    expect((index.getRow(1).values as unknown[]).slice(1)).toEqual(['指标编码', '测评内容', '序号', '档号', '材料题名', '日期', '页码', '页数', '备注']);
    const indexRows = Array.from({ length: index.actualRowCount - 1 }, (_, i) => index.getRow(i + 2));
    const minutesIndex = indexRows.filter((r) => r.getCell(5).value === titles.minutes);
    expect(minutesIndex).toHaveLength(2);
    expect(typeof minutesIndex[0].getCell(7).value).toBe('number');
    expect(indexRows.some((r) => r.getCell(1).value === leaves[2].code && r.getCell(9).value === '缺项')).toBe(true);

    // 自评表: every indicator, then totals and the pass line.
    const selfEval = workbook.getWorksheet('自评表')!;
    expect((selfEval.getRow(1).values as unknown[]).slice(1)).toEqual(['指标编码', '指标名称', '类型', '分值', '自评分', '说明', '结论性说明']);
    const labels = Array.from({ length: selfEval.actualRowCount }, (_, i) => selfEval.getRow(i + 1).getCell(2).value);
    for (const l of ['自评总分', '达标线', '自评结论']) expect(labels).toContain(l);
    const passRow = Array.from({ length: selfEval.actualRowCount }, (_, i) => selfEval.getRow(i + 1)).find((r) => r.getCell(2).value === '达标线')!;
    expect(passRow.getCell(5).value).toBe(85);
    for (const name of ['归档文件目录', '材料索引', '覆盖情况', '自评表']) {
      const ws = workbook.getWorksheet(name)!;
      expect(ws.views[0], name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.pageSetup.printTitlesRow, name).toBe('1:1');
    }
  });

  it('opens in LibreOffice: the catalogue converts to CSV with the DA/T 22 header row', () => {
    const conv = path.join(dir, 'lo');
    fs.mkdirSync(conv, { recursive: true });
    // A private profile, so a clerk's (or another test's) running LibreOffice does not interfere.
    const profile = `file://${path.join(dir, 'lo-profile')}`;
    const out = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', conv, job.result!.xlsxPath!], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(out.status, out.stdout + out.stderr).toBe(0);
    const csv = fs.readFileSync(path.join(conv, path.basename(job.result!.xlsxPath!).replace(/\.xlsx$/, '.csv')), 'utf8');
    expect(csv.split(/\r?\n/)[0]).toBe(CATALOGUE_COLUMNS.join(','));
    expect(csv).toContain(titles.minutes);
  }, 150_000);

  it('copies the originals per indicator with a sha256sum manifest matching the store', () => {
    const folder = job.result!.folderPath!;
    const manifest = fs.readFileSync(path.join(folder, 'manifest-sha256.txt'), 'utf8').trimEnd().split('\n');
    // Every original of every filing: each photo of a 组照, and a 会议纪要 as its PDF with its data.
    const filesOf = (m: Material) => (m.kind === 'photo_group' ? m.photos.length : m.mediaType === MINUTES_MEDIA_TYPE ? 2 : 1);
    expect(manifest).toHaveLength(materials.reduce((n, m) => n + m.indicatorIds.length * filesOf(m), 0));
    const byTitle = new Map(materials.map((m) => [m.title, m]));
    for (const line of manifest) {
      const m = /^([0-9a-f]{64}) {2}([^/]+)\/(\d{4}-D10-\d{4}) (.+)$/.exec(line);
      expect(m, line).not.toBeNull();
      const [, hash, indicatorFolder, , rest] = m!;
      const file = path.join(folder, ...line.slice(66).split('/'));
      expect(createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(hash);
      const photo = /^(.+)\/(\d{2}) (.+)\.([a-z0-9]+)$/.exec(rest);
      const data = /^(.+)（会议纪要数据）\.json$/.exec(rest);
      const plainFile = /^(.+)\.([a-z0-9]+)$/.exec(rest)!;
      const material = byTitle.get(photo ? photo[1] : data ? data[1] : plainFile[1])!;
      expect(material, line).toBeDefined();
      if (photo) {
        const p = material.photos[Number(photo[2]) - 1];
        expect(hash).toBe(p.sha256);
        expect(photo[3]).toBe(p.caption);
      } else if (material.mediaType === MINUTES_MEDIA_TYPE && !data) {
        // The form printed as PDF, beside its data.
        expect(plainFile[2]).toBe('pdf');
        expect(run('pdftotext', [file, '-'])).toContain('研究第二季度创建重点任务');
      } else {
        expect(hash).toBe(material.sha256);
      }
      expect(material.indicatorIds.map(codeOf)).toContain(indicatorFolder.split(' ')[0]);
    }
    // One folder per indicator, empty ones included.
    expect(fs.readdirSync(folder).filter((f) => f !== 'manifest-sha256.txt')).toHaveLength(indicators.length);
    expect(fs.existsSync(path.join(folder, label(leaves[0])))).toBe(true);
  });

  it('leaves nothing behind when cancelled right after the start', async () => {
    const cancelDir = path.join(dir, 'cancelled');
    const { jobId } = await api['packets.export']({ dossierId, outDir: cancelDir });
    await api['jobs.cancel']({ jobId });
    const cancelled = await waitForExport(api, jobId);
    expect(cancelled.state).toBe('cancelled');
    const left = fs.existsSync(cancelDir) ? fs.readdirSync(cancelDir) : [];
    expect(left).toEqual([]);
  });

  it('removes the finished PDF and workbook temporaries when cancelled while copying originals', async () => {
    const cancelDir = path.join(dir, 'cancelled-late');
    const { jobId } = await api['packets.export']({ dossierId, outDir: cancelDir });
    let sawTemp = false;
    for (;;) {
      const state = await api['jobs.get']({ jobId });
      expect(state.state).toBe('running');
      if (state.message.startsWith('正在复制原件')) break;
      await new Promise((r) => setImmediate(r));
    }
    sawTemp = fs.readdirSync(cancelDir).some((f) => f.includes('.partial-'));
    await api['jobs.cancel']({ jobId });
    const cancelled = await waitForExport(api, jobId);
    expect(cancelled.state).toBe('cancelled');
    expect(sawTemp).toBe(true);
    expect(fs.readdirSync(cancelDir)).toEqual([]);
  });
});
