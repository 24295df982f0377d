// A clerk's year in one archive (trust issue, point 1). One archive uses every kind of record
// the app can make; then 四性检测, a backup and its restore, and every export, each read back with
// real tools. Every new kind of record the app learns to make joins this test.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { soffice } from '../helpers/legacyOfficeFiles';
import type { ApiClient } from '../../shared/api';
import { MINUTES_MEDIA_TYPE, type ExportResult, type Indicator, type Material } from '../../shared/domain';
import { createContext, type CoreContext } from '../../electron/core/context';
import { createDirectClient } from '../../electron/core/directClient';
import { createHandlers } from '../../electron/core/handlers';
import { createChromiumRenderer } from '../../electron/core/render/chromiumRenderer';
import { manifestOfFolder, MANIFEST_NAME } from '../../electron/core/backup/manifest';
import { extractZip } from '../../electron/core/zip';
import { exportJob } from '../helpers/exportJob';
import { fixture } from '../helpers/fixtureFiles';
import { darkPixels, pdfText, renderPage } from '../helpers/pdfTools';
import { scannedPdf } from '../helpers/scannedPdf';
import { sampleDossier, tempDir } from '../helpers/tempArchive';
import { docx, photo, xlsx } from '../materials/fixtures';
import { OFD_ONLY_WORD, redHeadOfd } from '../helpers/ofdSamples';
import { chinesePdf } from '../packets/fixtures';

const SCANNED_LINES = ['关于开展文明交通劝导活动的通知', '请各科室于周五前报送劝导志愿者名单。'] as const;
const STATEMENT = '成立创建工作领导小组，每季度专题研究，实施方案逐项分解到科室并按月督查。';
const run = (cmd: string, args: string[], cwd?: string) => execFileSync(cmd, args, { encoding: 'utf8', cwd, maxBuffer: 64 << 20 });
const pageCountOf = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))![1]);

/** A photo as a camera writes it: EXIF time, make and model. */
function cameraPhoto(color: string, takenAt: string): Promise<Buffer> {
  return sharp({ create: { width: 480, height: 360, channels: 3, background: color } })
    .jpeg({ quality: 85 })
    .withExif({ IFD0: { Make: 'HUAWEI', Model: 'P40 Pro' }, IFD2: { DateTimeOriginal: takenAt } })
    .toBuffer();
}

describe("a clerk's year in one archive", () => {
  let dir: string;
  let ctx: CoreContext;
  let api: ApiClient;
  let dossierId: number;
  let leaves: Indicator[];
  let packetId: number;
  let materials: Material[];
  let exported: ExportResult;
  const summary: Record<string, number | string> = {};
  const inputs = () => path.join(dir, '收集的材料');

  beforeAll(async () => {
    dir = tempDir('dossier-year-');
    ctx = createContext({ archiveDir: path.join(dir, 'archive'), transport: 'direct', createRenderer: createChromiumRenderer });
    api = createDirectClient(createHandlers(ctx));
    const sample = await sampleDossier(api);
    dossierId = sample.dossier.id;
    leaves = sample.indicators.filter((i) => !sample.indicators.some((c) => c.parentId === i.id));
    await api['dossiers.setArchivalRule']({ dossierId, rule: { pattern: '{全宗号}-{年度}-{保管期限}-{件号}', fondsNumber: 'Z108', itemDigits: 4, defaultRetention: 'D10' } });

    fs.mkdirSync(inputs(), { recursive: true });
    const put = (name: string, bytes: Buffer | Uint8Array | string) => {
      const file = path.join(inputs(), name);
      fs.writeFileSync(file, bytes);
      return file;
    };
    const pdf = path.join(inputs(), '20240110 创建工作实施方案.pdf');
    await chinesePdf(pdf, ['创建工作实施方案：成立领导小组', '第二页：明确各部门职责']);
    const files: [string, number[]][] = [
      [pdf, [0]],
      [put('20240306 志愿服务总结.docx', await docx({ coreTitle: '志愿服务总结', paragraphs: ['本季度开展志愿服务十二次，参与职工三百人次。'] })), [0, 1]],
      [put('关于开展文明创建工作的通知.ofd', await redHeadOfd()), [1]],
      [put('志愿者服务时长统计.xlsx', await xlsx([['姓名', '时长（小时）'], ['王晓明', '36']])), [2]],
      [put('道德讲堂记录.txt', '道德讲堂第三期于五月举行，主讲人为张老师。\n'), [2]],
      [put('廉政教育记录GBK.txt', iconv.encode('廉政教育专题会议记录（GBK 编码）\r\n', 'gbk')), [3]],
      [put('工作计划（旧版）.doc', fixture('office', '工作计划.doc')), [3]],
      [put('活动台账.xls', fixture('office', '活动台账.xls')), [3]],
      [put('活动通知.wps', fixture('office', '活动通知.doc')), [4]],
      [put('创建工作汇报.pptx', fixture('office', '工作汇报.pptx')), [4]],
      [put('志愿服务宣传片.mp4', fixture('media', '活动视频.mp4')), [5]],
      [put('采访录像.mov', fixture('media', '采访录像.mov')), [5]],
      [put('旧录像.avi', fixture('media', '旧录像.avi')), [5]],
      [put('领导讲话录音.mp3', fixture('media', '讲话录音.mp3')), [5]],
      [put('道德讲堂现场.jpg', await photo({ exif: true, color: '#2a6' })), [6]],
      [put('宣传栏.png', await sharp(await photo({ color: '#36a' })).png().toBuffer()), [6]],
      [put('宣传海报.webp', await sharp(await photo({ color: '#a63' })).webp().toBuffer()), [6]],
      [put('扫描件.tif', await sharp(await photo({ color: '#666' })).tiff().toBuffer()), [6]],
      [put('苹果手机照片.heic', fixture('photos', 'iphone-portrait.heic')), [6]],
    ];
    for (const [file, at] of files) {
      const r = await api['materials.add']({ dossierId, paths: [file], indicatorIds: at.map((n) => leaves[n].id) });
      expect(r.failed, file).toEqual([]);
      expect(r.added, file).toHaveLength(1);
    }

    // A 组照 of three photos, each with its own EXIF time and caption.
    const groupFiles = [
      put('清扫街道1.jpg', await cameraPhoto('#922', '2024:03:05 09:12:00')),
      put('清扫街道2.jpg', await cameraPhoto('#262', '2024:03:05 09:40:30')),
      put('清扫街道3.jpg', await cameraPhoto('#226', '2024:03:05 10:05:10')),
    ];
    const shots = await api['materials.add']({ dossierId, paths: groupFiles, indicatorIds: [leaves[7].id] });
    const group = await api['materials.groupPhotos']({ dossierId, materialIds: shots.added.map((a) => a.material.id), title: '学雷锋志愿服务组照' });
    await api['materials.updateGroup']({
      materialId: group.id,
      photos: group.photos.map((p, i) => ({ sha256: p.sha256, caption: ['志愿者清扫街道', '志愿者清运垃圾', '志愿者合影'][i] })),
    });

    // A 会议纪要 made with the form, under two indicators.
    await api['materials.saveMinutes']({
      dossierId,
      form: {
        meetingName: '创建工作推进会',
        time: '2024年5月8日 9:00',
        place: '三楼会议室',
        host: '张主任',
        attendees: '各科室负责人',
        absentees: '',
        recorder: '李干事',
        topics: '研究部署第二季度创建重点任务',
        decisions: '一、各科室五月底前完成自查；二、办公室汇总上报。',
      },
      indicatorIds: [leaves[8].id, leaves[0].id],
    });

    // A paper 红头文件 scanned into a PDF without a text layer: stored at once, then read by OCR.
    const scan = put('20240415 文明交通劝导通知（扫描件）.pdf', await scannedPdf([[...SCANNED_LINES]]));
    const scanned = await api['materials.add']({ dossierId, paths: [scan], indicatorIds: [leaves[1].id] });
    expect(scanned.added.map((a) => a.material.ocr)).toEqual(['pending']);
    const ocr = await ctx.jobs.wait((await api['ocr.start']({})).id);
    expect(ocr.kind === 'ocr' && ocr.result).toMatchObject({ read: 1, failed: [] });

    // Edited metadata, one by one and in bulk; a material trashed and restored.
    materials = await api['materials.list']({ dossierId });
    const byTitle = (t: string) => materials.find((m) => m.title === t)!;
    await api['materials.update']({ materialId: byTitle('20240110 创建工作实施方案').id, fields: { responsible: '创建办', docNumber: '文明办〔2024〕3号', retention: '永久' } });
    await api['materials.updateMany']({ materialIds: materials.filter((m) => m.kind === 'photo').map((m) => m.id), fields: { place: '社区广场', photographer: '宣传科' } });
    // A 网上申报 category chosen by hand: the 志愿服务总结 is a 情况说明, not a 规范文件.
    await api['materials.setOnlineCategory']({ materialIds: [byTitle('志愿服务总结').id], category: '情况说明' });
    const png = byTitle('宣传栏');
    await api['materials.trash']({ materialIds: [png.id] });
    await api['materials.restore']({ materialIds: [png.id] });

    // 成员单位报送: two items assigned to 党办, its 任务包 opened in the unit's own archive, its
    // 报送包 (one new report, one copy of a report the lead already has) received and reviewed.
    const unitCodes = [leaves[9].code, leaves[10].code];
    await api['units.assign']({ dossierId, codes: unitCodes, unit: '党办', person: '张三', deadline: '2024-06-30' });
    await api['tasks.export']({ dossierId, unit: '党办', out: path.join(dir, '党办.dossier-task') });
    const unitCtx = createContext({ archiveDir: path.join(dir, '党办档案库'), transport: 'direct' });
    try {
      const unit = createDirectClient(createHandlers(unitCtx));
      const opened = await unit['tasks.open']({ path: path.join(dir, '党办.dossier-task') });
      const unitIndicators = await unit['indicators.list']({ systemId: (await unit['dossiers.list']({}))[0].systemId! });
      const unitLeaf = unitIndicators.find((i) => i.code === unitCodes[0])!;
      const report = put('党办创建工作总结.txt', '党办上半年创建工作总结：完成理论学习十二次。\n');
      await unit['materials.add']({ dossierId: opened.dossierId, paths: [report, path.join(inputs(), '道德讲堂记录.txt')], indicatorIds: [unitLeaf.id] });
      // The unit's own 组照 and 会议纪要 travel in the same 报送包.
      const shots = [put('党办学习1.jpg', await cameraPhoto('#a52', '2024:04:02 15:00:00')), put('党办学习2.jpg', await cameraPhoto('#5a2', '2024:04:02 15:20:00'))];
      const photos = await unit['materials.add']({ dossierId: opened.dossierId, paths: shots, indicatorIds: [unitLeaf.id] });
      await unit['materials.groupPhotos']({ dossierId: opened.dossierId, materialIds: photos.added.map((a) => a.material.id), title: '党办理论学习组照' });
      await unit['materials.saveMinutes']({
        dossierId: opened.dossierId,
        form: { meetingName: '党办创建工作例会', time: '2024年4月2日', place: '党办会议室', host: '党办主任', attendees: '党办全体', absentees: '', recorder: '党办干事', topics: '理论学习安排', decisions: '每月集中学习一次' },
        indicatorIds: [unitLeaf.id],
      });
      await unit['submissions.export']({ out: path.join(dir, '党办.dossier-submit') });
    } finally {
      await unitCtx.close();
    }
    const received = await api['submissions.import']({ path: path.join(dir, '党办.dossier-submit') });
    expect(received.added.map((a) => a.title).sort()).toEqual(['党办创建工作总结', '党办创建工作例会', '党办理论学习组照'].sort());
    expect(received.duplicates.map((a) => a.title)).toEqual(['道德讲堂记录']);
    await api['review.set']({ materialIds: received.added.map((a) => a.materialId), state: 'passed', comment: '' });
    await api['review.set']({ materialIds: [received.duplicates[0].materialId], state: 'returned', comment: '请补充签到表' });
    summary.submittedMaterials = received.added.length + received.duplicates.length;

    // 自评 and a saved packet definition.
    await api['selfEval.set']({ dossierId, indicatorId: leaves[0].id, score: Math.min(2, leaves[0].score ?? 2) });
    await api['selfEval.set']({ dossierId, indicatorId: leaves[1].id, score: Math.min(1, leaves[1].score ?? 1) });
    await api['selfEval.setPassLine']({ dossierId, passLine: 85 });
    // 结论性说明 on a leaf (printed on its 提交表) and on a category.
    await api['selfEval.setStatement']({ dossierId, indicatorId: leaves[0].id, statement: STATEMENT });
    await api['selfEval.setStatement']({ dossierId, indicatorId: leaves[0].parentId!, statement: '本类各项均已落实。' });
    const packet = await api['packets.create']({
      dossierId,
      name: '年度迎检资料',
      definition: { cover: { title: '2024年度文明单位创建迎检资料', unit: '示例局', date: '2024年12月1日' }, layout: { watermark: '仅供迎检', photosPerPage: 1 }, archivalCode: { stamp: true } },
    });
    packetId = packet.id;
    materials = await api['materials.list']({ dossierId });
    summary.materials = materials.length;
    summary.filings = materials.reduce((n, m) => n + m.indicatorIds.length, 0);
  }, 300_000);

  afterAll(async () => {
    await ctx?.close();
    console.log(`clerk's year: ${JSON.stringify(summary)}`);
  });

  it('passes its own 四性检测 with nothing to report', async () => {
    const report = await api['integrity.verify']({});
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    summary.filesChecked = report.filesChecked;
  });

  it('exports the packet PDF, the workbook, the folder and 网上申报, each read back with real tools', async () => {
    const out = path.join(dir, '迎检资料');
    const job = await exportJob(api, { packetId, outDir: out, pdf: true, xlsx: true, folder: true, online: true, gaps: true, capMb: 20 });
    exported = job.result!;
    expect(exported.numbered).toBe(materials.length);
    const pdf = exported.pdfPath!;
    expect(spawnSync('qpdf', ['--check', pdf]).status).toBe(0);
    expect(pageCountOf(pdf)).toBe(exported.pageCount);
    summary.pdfPages = exported.pageCount;
    const text = pdfText(pdf);
    for (const s of ['2024年度文明单位创建迎检资料', '成立领导小组', '本季度开展志愿服务十二次', OFD_ONLY_WORD, '王晓明', '道德讲堂第三期', '廉政教育专题会议记录', '研究部署第二季度创建重点任务']) {
      expect(text, s).toContain(s);
    }
    // The scan's page carries the OCR text as an invisible layer: the packet can be searched for it.
    expect(text.replace(/\s+/g, '')).toContain('文明交通劝导');
    expect((await api['materials.search']({ dossierId, query: '劝导志愿者' })).hits.map((h) => h.material.title)).toEqual(['20240415 文明交通劝导通知（扫描件）']);
    // Word 97–2003, WPS 文字 and slides are found by their words, LibreOffice or not.
    const foundIn = async (query: string) => (await api['materials.search']({ dossierId, query })).hits.filter((h) => h.snippetSource === 'body').map((h) => h.material.originalName).sort();
    expect(await foundIn('每月召开一次创建工作推进会')).toEqual(['创建工作汇报.pptx', '工作计划（旧版）.doc'].sort());
    expect(await foundIn('学雷锋志愿服务活动')).toEqual(['活动通知.wps']);
    // The first leaf's 测评材料提交表 carries its 结论性说明; the 缺项 report is apart.
    expect(text.split('\f').some((p) => p.includes('测评材料提交表') && p.replace(/\s+/g, '').includes(STATEMENT))).toBe(true);
    expect(fs.existsSync(exported.gapsPath!)).toBe(true);
    summary.gaps = exported.gapCount;
    // Each photo of the 组照 on its own page, with its own caption.
    materials = await api['materials.list']({ dossierId });
    const pages = text.split('\f');
    for (const [caption, time] of [['志愿者清扫街道', '09:12'], ['志愿者清运垃圾', '09:40'], ['志愿者合影', '10:05']]) {
      const page = pages.findIndex((p) => p.includes(caption)) + 1;
      expect(page, caption).toBeGreaterThan(0);
      // Each photo's own EXIF time, and the 归档章 as on documents.
      expect(pages[page - 1], caption).toContain(`时间：2024-03-05 ${time}`);
      expect(pages[page - 1], caption).toContain('全宗号');
      expect(await darkPixels(renderPage(pdf, page))).toBeGreaterThan(500);
    }
    // Legacy Word/Excel/WPS and slides: LibreOffice's pages, or (without it) a page naming it.
    const all = pages.join('').replace(/\s+/g, '');
    if (soffice()) {
      for (const w of ['每月召开一次创建工作推进会', '负责人']) expect(all, w).toContain(w);
      expect(all.split('每月召开一次创建工作推进会').length - 1).toBeGreaterThanOrEqual(2); // the .doc and the slides
      expect(pages.find((p) => p.includes('未显示原因') && p.includes('工作计划（旧版）'))).toBeUndefined();
    } else expect(pages.find((p) => p.includes('未显示原因') && p.includes('工作计划（旧版）'))).toContain('请安装');
    // Video and audio: a page with the duration and where the file is; the video's with frames.
    for (const title of ['志愿服务宣传片', '领导讲话录音']) {
      const page = pages.find((p) => p.includes('音视频资料') && p.includes('原件位置') && p.includes(title));
      expect(page, title).toBeDefined();
      expect(page, title).toContain('时长');
    }
    expect(pages.find((p) => p.includes('音视频资料') && p.includes('志愿服务宣传片'))).toContain('画面截取');
    // The stored 档号 on the catalogue.
    for (const m of materials) {
      expect(m.archivalCode, m.title).toMatch(/^Z108-\d{4}-(Y|D10)-\d{4}$/);
      expect(text.replace(/\s+/g, ''), m.title).toContain(m.archivalCode);
    }

    // The workbook, every sheet through LibreOffice.
    const csvDir = path.join(dir, 'csv');
    fs.mkdirSync(csvDir);
    const lo = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', csvDir, exported.xlsxPath!],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(lo.status, lo.stdout + lo.stderr).toBe(0);
    const sheets = fs.readdirSync(csvDir).sort();
    expect(sheets.map((n) => n.replace(/^.*-/, '').replace(/\.csv$/, '')).sort()).toEqual(['归档文件目录', '材料索引', '自评表', '覆盖情况'].sort());
    const catalogue = fs.readFileSync(path.join(csvDir, sheets.find((n) => n.endsWith('-归档文件目录.csv'))!), 'utf8').trim().split(/\r?\n/);
    expect(catalogue).toHaveLength(1 + (summary.filings as number));
    for (const m of materials) expect(catalogue.some((row) => row.includes(m.archivalCode) && row.includes(m.title)), m.title).toBe(true);
    expect(fs.readFileSync(path.join(csvDir, sheets.find((n) => n.endsWith('-自评表.csv'))!), 'utf8')).toContain('达标线');

    // The folder: every stored original of every filed material, each in the manifest.
    const folder = exported.folderPath!;
    const manifest = fs.readFileSync(path.join(folder, 'manifest-sha256.txt'), 'utf8').trimEnd().split('\n');
    const filesOf = (m: Material) => (m.kind === 'photo_group' ? m.photos.length : m.mediaType === MINUTES_MEDIA_TYPE ? 2 : 1);
    expect(manifest).toHaveLength(materials.reduce((n, m) => n + m.indicatorIds.length * filesOf(m), 0));
    expect(spawnSync('sha256sum', ['--quiet', '-c', 'manifest-sha256.txt'], { cwd: folder }).status).toBe(0);
    const hashes = new Set(manifest.map((l) => l.slice(0, 64)));
    for (const m of materials) {
      const originals = m.kind === 'photo_group' ? m.photos.map((p) => p.sha256) : [m.sha256];
      for (const sha of originals) expect(hashes.has(sha), `${m.title}: ${sha}`).toBe(true);
    }
    const minutesPdf = manifest.find((l) => l.endsWith('创建工作推进会.pdf'))!;
    expect(pdfText(path.join(folder, ...minutesPdf.slice(66).split('/')))).toContain('研究部署第二季度创建重点任务');
    expect(manifest.some((l) => l.endsWith('创建工作推进会（会议纪要数据）.json'))).toBe(true);
    summary.folderFiles = manifest.length;

    // 网上申报: one PDF per indicator with materials, each a sound PDF under the cap.
    expect(exported.online.length).toBeGreaterThan(0);
    for (const o of exported.online) {
      expect(o.fits, o.indicatorCode).toBe(true);
      expect(spawnSync('qpdf', ['--check', o.path!]).status, o.indicatorCode).toBe(0);
    }
    summary.onlinePdfs = exported.online.length;
    // And by category beside them: the chosen one, photos, video and audio where they belong.
    const byCategory = path.join(exported.onlineDir!, '按类别');
    const inCategory = (c: string) => fs.readdirSync(path.join(byCategory, c), { recursive: true, encoding: 'utf8' }).join('\n');
    expect(inCategory('情况说明')).toContain('志愿服务总结.docx');
    expect(inCategory('实景图片')).toContain('道德讲堂现场.jpg');
    expect(inCategory('音视频')).toContain('领导讲话录音.mp3');
    expect(exported.onlineCategories!.统计表格).toBeGreaterThan(0);
  }, 600_000);

  it('exports the same folder as one zip, with the same files and manifest', async () => {
    const job = await exportJob(api, { packetId, outDir: path.join(dir, '迎检资料zip'), pdf: false, xlsx: false, folder: true, zip: true });
    const zip = job.result!.zipPath!;
    expect(spawnSync('unzip', ['-tqq', zip]).status).toBe(0);
    const unpacked = path.join(dir, 'zip-unpacked');
    await extractZip(zip, unpacked);
    const [root] = fs.readdirSync(unpacked);
    expect(fs.readFileSync(path.join(unpacked, root, 'manifest-sha256.txt'), 'utf8')).toBe(fs.readFileSync(path.join(exported.folderPath!, 'manifest-sha256.txt'), 'utf8'));
    expect(spawnSync('sha256sum', ['--quiet', '-c', 'manifest-sha256.txt'], { cwd: path.join(unpacked, root) }).status).toBe(0);
  }, 300_000);

  it('backs up and restores: restore accepted, 四性检测 clean, manifests identical', async () => {
    const backup = await api['backup.create']({ outDir: path.join(dir, '备份') });
    const target = path.join(dir, '恢复的档案库');
    const restored = await api['backup.restore']({ file: backup.file, targetDir: target });
    expect(restored.report.problems).toEqual([]);
    const inZip = path.join(dir, 'backup-unpacked');
    await extractZip(backup.file, inZip);
    const original = fs.readFileSync(path.join(inZip, MANIFEST_NAME), 'utf8');
    expect(await manifestOfFolder(target)).toBe(original);
    summary.backupManifestLines = original.trimEnd().split('\n').length;
    // The restored archive passes its own 四性检测, 件号 included, and lists the same materials.
    const again = createContext({ archiveDir: target, transport: 'direct' });
    try {
      const client = createDirectClient(createHandlers(again));
      expect((await client['integrity.verify']({})).problems).toEqual([]);
      const list = await client['materials.list']({ dossierId });
      expect(list.map((m) => [m.id, m.archivalCode, m.sha256])).toEqual(materials.map((m) => [m.id, m.archivalCode, m.sha256]));
      // 提供单位, 审核 and the progress come back with it.
      expect(await client['review.statuses']({ dossierId })).toEqual(await api['review.statuses']({ dossierId }));
      expect(await client['progress.get']({ dossierId, today: '2024-07-01' })).toEqual(await api['progress.get']({ dossierId, today: '2024-07-01' }));
      expect(list.find((m) => m.title === '志愿服务总结')).toMatchObject({ onlineCategory: '情况说明', onlineCategorySet: true });
      const statements = (await client['selfEval.get']({ dossierId })).rows.filter((r) => r.statement).map((r) => [r.indicatorId, r.statement]);
      expect(statements).toEqual([
        [leaves[0].parentId, '本类各项均已落实。'],
        [leaves[0].id, STATEMENT],
      ]);
      // Search finds the same in both: a 组照 caption, a bulk-edited place, a 文号, the minutes'
      // text, a one-character word, a word filtered by indicator.
      const ids = async (c: typeof api, query: string, filters = {}) =>
        (await c['materials.search']({ dossierId, query, filters })).hits.map((h) => h.material.id);
      for (const [query, filters] of [['清运垃圾', {}], ['社区广场', {}], ['文明办〔2024〕3号', {}], ['五月底前完成自查', {}], [OFD_ONLY_WORD, {}], ['会', {}], ['推进会', { indicatorId: leaves[8].id }]] as const) {
        const before = await ids(api, query, filters);
        expect(before.length, query).toBeGreaterThan(0);
        expect(await ids(client, query, filters), query).toEqual(before);
      }
    } finally {
      await again.close();
    }
    // And the archive that made it is still clean after every export.
    expect((await api['integrity.verify']({})).problems).toEqual([]);
  }, 300_000);
});
