// PDFs as clerks get them: owner-password government files, a user-password file, damaged
// content streams, a broken cross-reference, a cut-off download. The packet takes every one a
// reader opens, says why for the one that needs a password, and still passes `qpdf --check`;
// the originals stay as stored, and what was repaired is a rebuildable derived file.
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator, JobOf } from '../../shared/domain';
import { mergeReadyPdf } from '../../electron/core/pdfRepair/mergeReady';
import { healthReasons, pdfHealth } from '../../electron/core/pdfRepair/health';
import { qpdfStats } from '../../electron/core/pdfRepair/qpdfWorker';
import { captureOutput } from '../helpers/captureOutput';
import { exportJob } from '../helpers/exportJob';
import { darkPixels, pdfText, renderPage } from '../helpers/pdfTools';
import { openTestArchive, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';
import {
  badTokensPdf,
  brokenXrefPdf,
  damagedContentPdf,
  inputPath,
  ownerPasswordPdf,
  REAL_PDF,
  truncatedPdf,
  userPasswordPdf,
} from './fixtures';

const titles = {
  clean: '创建工作规范（原样）',
  owner: '市文明办通知（禁止打印复制）',
  rc4: '区政府公开文件（旧版权限密码）',
  user: '内部审计报告（设有打开密码）',
  damaged: '活动简报（内容流损坏）',
  tokens: '工作台账（内容流含无效记号）',
  xref: '志愿服务制度（交叉引用表损坏）',
} as const;
type Key = keyof typeof titles;
const SOURCE_PAGES = 17;

interface OutlineItem {
  title: string;
  destpageposfrom1: number;
  kids: OutlineItem[];
}
const flatten = (items: OutlineItem[]): OutlineItem[] => items.flatMap((i) => [i, ...flatten(i.kids)]);

describe('real-world PDFs in the packet', () => {
  let t: TestArchive;
  let dossierId: number;
  let indicators: Indicator[];
  let leaves: Indicator[];
  let inputs: string;
  let damagedPage: number;
  const added = new Map<Key, { sha256: string; mergeable: boolean; pages: number | null; notice?: string }>();
  let truncatedFailure: string;
  let job: JobOf<'export'>;
  let printed: string[];
  let firstRuns: number;

  const derivedPdfDir = () => path.join(t.dir, 'derived', 'pdf');
  const derivedFiles = (ext: string) =>
    fs.existsSync(derivedPdfDir()) ? fs.readdirSync(derivedPdfDir(), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(ext)) : [];
  const exportPdf = async (name: string) =>
    exportJob(t.api, { dossierId, outDir: path.join(t.dir, 'exports', name), pdf: true, xlsx: false, folder: false });
  const qpdfCheck = (pdf: string) => spawnSync('qpdf', ['--check', pdf], { encoding: 'utf8' });
  /** Where each material's pages start in the packet, and how many it has, from the bookmarks. */
  const layout = (pdf: string) => {
    const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', pdf], { encoding: 'utf8' })) as { outlines: OutlineItem[] };
    const items = flatten(json.outlines);
    const total = Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    return (title: string) => {
      const at = items.findIndex((i) => i.title === title);
      expect(at, title).toBeGreaterThanOrEqual(0);
      const start = items[at].destpageposfrom1;
      const next = items[at + 1]?.destpageposfrom1 ?? total + 1;
      return { start, count: next - start };
    };
  };

  beforeAll(async () => {
    t = openTestArchive();
    const sample = await sampleDossier(t.api);
    dossierId = sample.dossier.id;
    indicators = sample.indicators;
    leaves = indicators.filter((i) => !indicators.some((j) => j.parentId === i.id));
    inputs = tempDir('dossier-real-pdfs-');
    const file = (key: Key | 'truncated') => inputPath(inputs, `${key === 'truncated' ? '下载中断的文件' : titles[key]}.pdf`);
    fs.copyFileSync(REAL_PDF, file('clean'));
    ownerPasswordPdf(REAL_PDF, file('owner'));
    ownerPasswordPdf(REAL_PDF, file('rc4'), 128);
    userPasswordPdf(REAL_PDF, file('user'));
    damagedPage = await damagedContentPdf(REAL_PDF, file('damaged'));
    await badTokensPdf(REAL_PDF, file('tokens'), 2);
    brokenXrefPdf(REAL_PDF, file('xref'));
    truncatedPdf(REAL_PDF, file('truncated'));

    const imported = await captureOutput(async () => {
      // Each under a leaf of its own, in this order, so each has its own run of pages.
      for (const [i, key] of (Object.keys(titles) as Key[]).entries()) {
        const report = await t.api['materials.add']({ dossierId, paths: [file(key)], indicatorIds: [leaves[i].id] });
        expect(report.failed, key).toEqual([]);
        const a = report.added[0];
        added.set(key, { sha256: a.material.sha256, mergeable: a.material.mergeable, pages: a.material.pages, notice: a.notice });
      }
      const cut = await t.api['materials.add']({ dossierId, paths: [file('truncated')], indicatorIds: [leaves[7].id] });
      truncatedFailure = cut.failed.map((f) => f.reason).join();
    });
    const before = qpdfStats.runs;
    const exported = await captureOutput(() => exportPdf('first'));
    firstRuns = qpdfStats.runs - before;
    job = exported.value;
    printed = [...imported.printed, ...exported.printed];
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('imports owner-password PDFs as mergeable with their page count; only the user-password one is flagged', () => {
    for (const key of ['owner', 'rc4'] as const) {
      expect(added.get(key), key).toMatchObject({ mergeable: true, pages: SOURCE_PAGES });
      expect(added.get(key)!.notice ?? '', key).not.toContain('无法合并');
    }
    expect(added.get('user')!.mergeable).toBe(false);
    expect(added.get('user')!.notice).toContain('需要密码');
    for (const key of ['clean', 'damaged', 'tokens', 'xref'] as const) expect(added.get(key)!.mergeable, key).toBe(true);
    // A cut-off download is refused at import (it would be an incomplete original); see below for the merge.
    expect(truncatedFailure).toContain('不完整');
  });

  it('exports a packet that passes qpdf --check, with the page count the export reports', () => {
    const pdf = job.result!.pdfPath!;
    const check = qpdfCheck(pdf);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(new RegExp(`^Pages:\\s+${job.result!.pageCount}$`, 'm'));
    // The clerk is told of the placeholder, and of each page shown as a drawing of a damaged one.
    expect(job.result!.notices).toEqual(
      expect.arrayContaining([
        { title: titles.user, reason: expect.stringContaining('打开密码') },
        { title: titles.damaged, reason: `PDF 第 ${damagedPage} 页内容已损坏，迎检资料中以页面图片代替（原件未改动）` },
        { title: titles.tokens, reason: 'PDF 第 2 页内容已损坏，迎检资料中以页面图片代替（原件未改动）' },
      ]),
    );
    expect(job.result!.notices).toHaveLength(3);
  });

  it('merges every page of each PDF a reader opens, and one placeholder page for the password-protected one', () => {
    const pdf = job.result!.pdfPath!;
    const at = layout(pdf);
    for (const key of ['clean', 'owner', 'rc4', 'damaged', 'tokens', 'xref'] as const) expect(at(titles[key]).count, key).toBe(SOURCE_PAGES);
    const placeholder = at(titles.user);
    expect(placeholder.count).toBe(1);
    const text = pdfText(pdf, placeholder.start);
    expect(text).toContain(titles.user);
    expect(text).toContain(`${titles.user}.pdf`); // 原文件名
    expect(text).toContain('打开密码');
    // Cover, catalogue, a one-page divider or 提交表 per indicator in the packet (those with
    // material and the categories above them), the six PDFs and the placeholder: nothing else.
    const catalogue = at('目录');
    expect(catalogue.start).toBe(2);
    const outline = flatten((JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', pdf], { encoding: 'utf8' })) as { outlines: OutlineItem[] }).outlines);
    const shown = outline.length - 1 - Object.keys(titles).length;
    expect(shown).toBeLessThan(indicators.length);
    expect(job.result!.pageCount).toBe(1 + catalogue.count + shown + 6 * SOURCE_PAGES + 1);
  });

  it('takes the text of owner-password PDFs into the packet (decrypted, not drawn)', () => {
    const pdf = job.result!.pdfPath!;
    const at = layout(pdf);
    for (const key of ['owner', 'rc4'] as const) {
      const { start } = at(titles[key]);
      expect(pdfText(pdf, start), key).toContain('Shared MIME-info Database');
      expect(pdfText(pdf, start + 3), key).toContain('The source XML files');
    }
  });

  it('draws the damaged pages as images (ink, no text layer) and keeps the pages around them as they were', async () => {
    const pdf = job.result!.pdfPath!;
    const at = layout(pdf);
    const clean = at(titles.clean).start;
    const cases = [
      { key: 'damaged', page: damagedPage },
      { key: 'tokens', page: 2 },
    ] as const;
    for (const { key, page } of cases) {
      const start = at(titles[key]).start;
      const drawn = start + page - 1;
      expect(pdfText(pdf, drawn), key).not.toMatch(/[a-z]{4,}/); // only the packet's own footer
      const ink = await darkPixels(renderPage(pdf, drawn));
      const original = await darkPixels(renderPage(pdf, clean + page - 1));
      // The damaged stream shows up to where it breaks, as readers show it.
      expect(ink, key).toBeGreaterThan(original * 0.2);
      expect(pdfText(pdf, drawn + 1), key).toContain('Shared MIME-info Database');
    }
    // Rebuilt (broken xref), not drawn: its text is all there.
    expect(pdfText(pdf, at(titles.xref).start + 3)).toContain('The source XML files');
  });

  it('printed no library message (qpdf, pdf.js, pdf-lib) while importing or exporting', () => {
    expect(printed).toEqual([]);
  });

  it('leaves the stored originals as they were, and keeps repaired copies under derived/pdf', () => {
    for (const [key, a] of added) {
      const stored = fs.readFileSync(t.ctx.archive.store.pathFor(a.sha256));
      expect(createHash('sha256').update(stored).digest('hex'), key).toBe(a.sha256);
    }
    // One marker per PDF; derived copies for the two owner-password, the two damaged and the xref one.
    expect(derivedFiles('.json')).toHaveLength(added.size);
    expect(derivedFiles('.pdf')).toHaveLength(5);
    expect(firstRuns).toBeGreaterThan(0);
  });

  it('checks each PDF once: a second export runs no qpdf at all', async () => {
    const before = qpdfStats.runs;
    const again = await exportPdf('second');
    expect(qpdfStats.runs - before).toBe(0);
    expect(again.result!.pageCount).toBe(job.result!.pageCount);
    expect(qpdfCheck(again.result!.pdfPath!).status).toBe(0);
  });

  it('makes derived/ again when it is deleted, and a damaged derived copy again when it no longer matches', async () => {
    fs.rmSync(path.join(t.dir, 'derived'), { recursive: true, force: true });
    let before = qpdfStats.runs;
    const { value: rebuilt, printed: quiet } = await captureOutput(() => exportPdf('rebuilt'));
    expect(quiet).toEqual([]);
    expect(qpdfStats.runs - before).toBeGreaterThan(0);
    expect(derivedFiles('.json')).toHaveLength(added.size);
    expect(derivedFiles('.pdf')).toHaveLength(5);
    expect(rebuilt.result!.pageCount).toBe(job.result!.pageCount);
    expect(qpdfCheck(rebuilt.result!.pdfPath!).status).toBe(0);

    const sha = added.get('damaged')!.sha256;
    const copy = path.join(derivedPdfDir(), sha.slice(0, 2), `${sha}.pdf`);
    fs.writeFileSync(copy, '%PDF-1.7 not what was made');
    before = qpdfStats.runs;
    const ready = await mergeReadyPdf(t.ctx.archive, sha);
    expect(qpdfStats.runs - before).toBeGreaterThan(0);
    expect('bytes' in ready && ready.drawnPages).toEqual([damagedPage]);
    expect(fs.readFileSync(copy).byteLength).toBe('bytes' in ready ? ready.bytes.byteLength : -1);
  });

  it('refuses a cut-off PDF no reader opens and one that needs a password; gives a clean one back byte for byte', async () => {
    const cut = await t.ctx.archive.store.putFile(path.join(inputs, '下载中断的文件.pdf'));
    expect(await mergeReadyPdf(t.ctx.archive, cut.sha256)).toEqual({ refused: 'unreadable' });
    expect(await mergeReadyPdf(t.ctx.archive, added.get('user')!.sha256)).toEqual({ refused: 'password' });
    const clean = added.get('clean')!.sha256;
    const ready = await mergeReadyPdf(t.ctx.archive, clean);
    expect('bytes' in ready && createHash('sha256').update(ready.bytes).digest('hex')).toBe(clean);
  });

  it('tells 四性检测 whether each PDF opens, is damaged or needs a password, in Chinese', async () => {
    const health = async (key: Key | 'truncated') =>
      pdfHealth(path.join(inputs, `${key === 'truncated' ? '下载中断的文件' : titles[key]}.pdf`));
    expect(await health('clean')).toEqual({ opens: true, needsPassword: false, restricted: false, damaged: false, reasons: [] });
    expect(await health('owner')).toMatchObject({ opens: true, restricted: true, damaged: false, reasons: [healthReasons.restricted] });
    expect(await health('user')).toMatchObject({ opens: false, needsPassword: true, reasons: [healthReasons.password] });
    for (const key of ['damaged', 'tokens', 'xref'] as const) {
      expect(await health(key), key).toMatchObject({ opens: true, damaged: true, reasons: [healthReasons.damagedOpens] });
    }
    expect(await health('truncated')).toMatchObject({ opens: false, damaged: true, reasons: [healthReasons.damagedUnreadable] });
  });
});
