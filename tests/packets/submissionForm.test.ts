// 测评材料提交表 and what the inspectors' packet leaves out: the form per 测评小项 with the
// unit's 结论性说明, its materials' 档号 and pages; categories' dividers by code as the 目录 has
// them; indicators without material out of the packet unless asked, 否决项 stated as 已排除.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator } from '../../shared/domain';
import { exportJob } from '../helpers/exportJob';
import { runDossier } from '../helpers/cli';
import { darkPixels, pdfText, renderPage } from '../helpers/pdfTools';
import { openTestArchive, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';
import { chinesePdf, inputPath } from './fixtures';

const STATEMENT = '本单位成立创建工作领导小组，党委书记任组长，每季度召开专题会议研究部署，制定年度实施方案并逐项分解落实到科室。';

describe('测评材料提交表', () => {
  let t: TestArchive;
  let dossierId: number;
  let indicators: Indicator[];
  let leaves: Indicator[];
  let veto: Indicator;
  let pdf: string;
  let pages: string[];

  beforeAll(async () => {
    t = openTestArchive(path.join(tempDir('dossier-form-'), 'archive'));
    const sample = await sampleDossier(t.api);
    dossierId = sample.dossier.id;
    indicators = sample.indicators;
    leaves = indicators.filter((i) => i.kind === 'scored' && !indicators.some((j) => j.parentId === i.id));
    veto = indicators.find((i) => i.kind === 'veto' && !indicators.some((j) => j.parentId === i.id))!;
    expect(veto).toBeDefined();
    await t.api['indicators.update']({ indicatorId: leaves[0].id, fields: { responsibleUnit: '党政办', responsiblePerson: '王明' } });
    const inputs = path.join(t.dir, '..', 'inputs');
    const plan = inputPath(inputs, '创建工作实施方案.pdf');
    await chinesePdf(plan, ['实施方案第一页', '实施方案第二页', '实施方案第三页']);
    const minutes = inputPath(inputs, '领导小组会议纪要.pdf');
    await chinesePdf(minutes, ['会议纪要正文']);
    for (const file of [plan, minutes]) {
      const report = await t.api['materials.add']({ dossierId, paths: [file], indicatorIds: [leaves[0].id] });
      expect(report.failed).toEqual([]);
    }
    await t.api['selfEval.set']({ dossierId, indicatorId: leaves[0].id, score: Math.min(3, leaves[0].score ?? 3) });
    await t.api['selfEval.setStatement']({ dossierId, indicatorId: leaves[0].id, statement: STATEMENT });
    await t.api['selfEval.set']({ dossierId, indicatorId: veto.id, vetoStatus: 'excluded' });
    const job = await exportJob(t.api, { dossierId, outDir: path.join(t.dir, '..', 'out'), xlsx: false, folder: false });
    pdf = job.result!.pdfPath!;
    pages = Array.from({ length: job.result!.pageCount }, (_, i) => pdfText(pdf, i + 1));
  });

  afterAll(async () => {
    await t?.close();
  });

  const pageOf = (needle: string | RegExp) => pages.findIndex((p) => (typeof needle === 'string' ? p.includes(needle) : needle.test(p))) + 1;

  it('prints one 提交表 for the item, with code, name, content, score and self-score, statement, materials, department and contact', () => {
    const form = pageOf('测评材料提交表');
    expect(form).toBeGreaterThan(0);
    const text = pages[form - 1].replace(/\s+/g, '');
    const leaf = leaves[0];
    for (const s of ['指标编码', leaf.code, '指标名称', leaf.title, '测评内容', '测评标准', '分值', '自评得分', '结论性说明', '佐证材料（2件）', '提供部门', '党政办', '联系人', '王明']) {
      expect(text, s).toContain(s.replace(/\s+/g, ''));
    }
    expect(text).toContain(STATEMENT);
    if (leaf.content) expect(text).toContain(leaf.content.replace(/\s+/g, '').slice(0, 12));
    // Numbered materials with their 档号 and where they are: 页数 and 页码 pointing at the content.
    const planStart = pageOf('实施方案第一页');
    const minutesStart = pageOf('会议纪要正文');
    expect(planStart).toBeGreaterThan(form);
    const lines = pdfText(pdf, form).split('\n');
    expect(pages[form - 1]).toMatch(/\d{4}-D10-\d{4}/);
    const layout = pagesLayout(pdf, form);
    expect(layout).toMatch(new RegExp(`1\\s+创建工作实施方案\\s+\\S+-\\d{4}\\s+3\\s+${planStart}-${planStart + 2}`));
    expect(layout).toMatch(new RegExp(`2\\s+领导小组会议纪要\\s+\\S+-\\d{4}\\s+1\\s+${minutesStart}\\b`));
    expect(lines.length).toBeGreaterThan(5);
  });

  it('draws the form as a bordered table a person can read (heading, grid, statement in ink)', async () => {
    const png = renderPage(pdf, pageOf('测评材料提交表'), 60);
    // Heading near the top, the grid and its text below it.
    expect(await darkPixels(png, { top: 0.06, bottom: 0.14 })).toBeGreaterThan(150);
    expect(await darkPixels(png, { top: 0.14, bottom: 0.75 })).toBeGreaterThan(3000);
  });

  it('heads categories with their code as the 目录 does, and leaves indicators without material out', () => {
    const catalogue = pages[1];
    const parent = indicators.find((i) => i.id === leaves[0].parentId)!;
    expect(catalogue.replace(/\s+/g, ' ')).toContain(`${parent.code} ${parent.title}`);
    const divider = pageOf(new RegExp(`测评指标 ${parent.code.replace(/\./g, '\\.')}\\s*\\n`));
    expect(divider).toBeGreaterThan(0);
    expect(pages[divider - 1]).toContain(`${parent.code} ${parent.title}`);
    // A leaf without material and without statement is not in the packet at all.
    const empty = leaves[leaves.length - 1];
    expect(pages.join('\n')).not.toContain(`${empty.code} ${empty.title}`);
    expect(pages.join('\n')).not.toContain('缺项');
  });

  it('states the 否决项 as 已排除', () => {
    const form = pages.findIndex((p) => p.includes('测评材料提交表') && p.includes(veto.title)) + 1;
    expect(form).toBeGreaterThan(0);
    expect(pagesLayout(pdf, form)).toMatch(/自评得分\s+已排除/);
    expect(pages[form - 1].replace(/\s+/g, '')).toContain(`${veto.title}（一票否决项）`.replace(/\s+/g, ''));
  });

  it('shows indicators without material when the packet asks for them', async () => {
    const packet = await t.api['packets.create']({ dossierId, name: '内部全量', definition: { emptyIndicators: 'show' } as never });
    const job = await exportJob(t.api, { packetId: packet.id, outDir: path.join(t.dir, '..', 'out-all'), xlsx: false, folder: false });
    const all = pdfText(job.result!.pdfPath!);
    const empty = leaves[leaves.length - 1];
    expect(all).toContain(empty.title);
    expect(all).toContain('（本项未提交材料）');
    expect(job.result!.pageCount).toBeGreaterThan(pages.length);
  });

  it('writes the internal 缺项 report apart, with who is to provide each missing item (read by LibreOffice)', async () => {
    await t.api['indicators.update']({ indicatorId: leaves[1].id, fields: { responsibleUnit: '宣传部', responsiblePerson: '李华', deadline: '2024-06-30' } });
    const out = path.join(t.dir, '..', 'out-gaps');
    const job = await exportJob(t.api, { dossierId, outDir: out, pdf: false, xlsx: false, folder: false, gaps: true });
    expect(path.basename(job.result!.gapsPath!)).toBe('2024年度文明单位创建-缺项报告（内部）.xlsx');
    const csvDir = path.join(out, 'csv');
    const lo = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${path.join(out, 'lo-profile')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', csvDir, job.result!.gapsPath!],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(lo.status, lo.stdout + lo.stderr).toBe(0);
    const rows = fs.readFileSync(path.join(csvDir, fs.readdirSync(csvDir)[0]), 'utf8').trim().split(/\r?\n/);
    expect(rows[0]).toBe('指标编码,指标名称,类型,分值,应备材料,提供部门,联系人,完成时限,在迎检资料中');
    // Every scored leaf but the one with material; no 否决项 (stated, not evidenced).
    const scoredLeaves = indicators.filter((i) => i.kind !== 'veto' && !indicators.some((j) => j.parentId === i.id));
    expect(rows).toHaveLength(1 + scoredLeaves.length - 1);
    const row = rows.find((r) => r.startsWith(`${leaves[1].code},`))!;
    expect(row).toContain('宣传部,李华,2024-06-30,未编入');
    expect(rows.some((r) => r.startsWith(`${leaves[0].code},`))).toBe(false);
    expect(rows.some((r) => r.startsWith(`${veto.code},`))).toBe(false);
    expect(job.result!.gapCount).toBe(rows.length - 1);
  });

  it('refuses a statement over 500 characters with the count, through the API and the CLI', async () => {
    const long = '创'.repeat(501);
    await expect(t.api['selfEval.setStatement']({ dossierId, indicatorId: leaves[1].id, statement: long })).rejects.toThrow(/最多 500 字，现有 501 字/);
    const archive = t.dir;
    await t.close();
    const cli = await runDossier(['statement', leaves[1].code, '--text', long, '--archive', archive]);
    expect(cli.code).not.toBe(0);
    expect(cli.stderr).toContain('最多 500 字，现有 501 字');
    const ok = await runDossier(['statement', leaves[1].code, '--text', '制度健全，落实到位。', '--archive', archive]);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toContain(`已保存“${leaves[1].code} ${leaves[1].title}”的结论性说明（10 字）`);
    const shown = await runDossier(['statement', leaves[1].code, '--archive', archive, '--json']);
    expect(JSON.parse(shown.stdout)).toMatchObject({ code: leaves[1].code, statement: '制度健全，落实到位。' });
    // From a file saved by 记事本 as “ANSI” (GBK), and a missing file named in the message.
    const file = path.join(archive, '..', '说明.txt');
    fs.writeFileSync(file, iconv.encode('台账齐全，\r\n每月通报。\r\n', 'gbk'));
    const fromFile = await runDossier(['statement', leaves[2].code, '--from-file', file, '--archive', archive, '--json']);
    expect(JSON.parse(fromFile.stdout)).toMatchObject({ code: leaves[2].code, statement: '台账齐全，\n每月通报。' });
    const missing = await runDossier(['statement', leaves[2].code, '--from-file', path.join(archive, '..', '没有.txt'), '--archive', archive]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/没有\.txt：文件不存在/);
    t = openTestArchive(archive);
  });
});

/** One page as pdftotext -layout lays it out: table rows stay on one line. */
function pagesLayout(pdf: string, page: number): string {
  return execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
}
