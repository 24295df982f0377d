// Materials end to end in Chromium, as a clerk: add a batch (bad files refused with reasons),
// preview PDF/DOCX/XLSX/video, edit metadata and read the audit log, group photos, fill in
// 会议纪要, delete and restore, search with snippets and filters, drag materials onto an
// indicator, cancel an import under way, and a 20,000-material list that stays virtualized.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTextPdf } from '../../electron/core/demo/textPdf';
import { openTestArchive, sampleDossier } from '../helpers/tempArchive';
import { docx, photo, xlsx } from '../materials/fixtures';
import { fixture } from '../helpers/fixtureFiles';
import { clickUntil, openPage, openTab, useBrowserMode } from './server';


async function prepareArchive(dir: string, extra?: (dossierId: number, db: import('../../electron/core/archive/database').Db) => void) {
  const t = openTestArchive(dir);
  const { dossier } = await sampleDossier(t.api);
  extra?.(dossier.id, t.ctx.archive.db);
  await t.close();
}

describe('materials in the browser', () => {
  const suite = useBrowserMode('dossier-e2e-mat-', async (archiveDir) => {
    fs.mkdirSync(files);
    const put = (name: string, bytes: Buffer | Uint8Array) => fs.writeFileSync(path.join(files, name), bytes);
    put('垃圾分类工作方案.pdf', await writeTextPdf('垃圾分类工作方案', ['全年组织垃圾分类宣传进社区活动六次。']));
    put('志愿服务总结.docx', await docx({ coreTitle: '志愿服务总结', paragraphs: ['开展无偿献血活动，参与职工八十人。'] }));
    put('固定资产台账.xlsx', await xlsx([['名称', '数量'], ['文明餐桌宣传牌', '12']]));
    put('活动照片1.jpg', await photo({ exif: true, color: '#2a6' }));
    put('活动照片2.jpg', await photo({ color: '#a62' }));
    put('活动视频.mp4', fixture('media', '活动视频.mp4'));
    put('空白扫描件.pdf', Buffer.alloc(0));
    await prepareArchive(archiveDir);
  });
  const files = path.join(suite.tmp, 'files');

  it('a clerk files, previews, describes, groups, minutes, deletes, restores and searches', async () => {
    const { page, errors } = await openPage(suite.browser(), suite.server().url);
    const list = page.getByTestId('material-list');
    const row = (title: string) => list.getByTestId('material-row').filter({ hasText: title });
    const drawer = page.getByTestId('material-drawer');

    // Add a batch under leaf 1.1: the empty file is refused with its reason, the rest filed.
    await page.getByTestId('indicator-node-1.1').click();
    const input = page.getByTestId('add-materials').locator('input[type=file]');
    await input.setInputFiles(fs.readdirSync(files).map((f) => path.join(files, f)));
    await page.getByTestId('add-report').waitFor();
    expect(await page.getByTestId('add-report-failed').innerText()).toContain('空白扫描件.pdf：文件为空');
    await row('活动视频').waitFor();
    expect(await list.getByTestId('material-title').count()).toBe(6);

    // PDF pages drawn in the browser.
    await row('垃圾分类工作方案').getByTestId('material-title').click();
    await openTab(drawer, '预览');
    await drawer.getByTestId('pdf-page').or(drawer.getByText('PDF 无法预览')).first().waitFor({ timeout: 90_000 });
    expect(await drawer.getByTestId('pdf-preview').innerText()).not.toContain('无法预览');
    expect(await drawer.getByTestId('pdf-page').count()).toBe(1);
    // DA/T 22 metadata edited, and the audit log says so.
    await openTab(drawer, '著录信息');
    await drawer.getByLabel('责任者').fill('办公室');
    await drawer.getByLabel('文号').fill('示办〔2024〕8号');
    await drawer.getByTestId('metadata-save').click();
    await openTab(drawer, '变更记录');
    await drawer.getByTestId('history-entry').filter({ hasText: '责任者：（空） → 办公室' }).waitFor();
    await page.keyboard.press('Escape');

    // DOCX as HTML, XLSX as a table, video as a file card, a photo's EXIF shown.
    await row('志愿服务总结').getByTestId('material-title').click();
    await openTab(drawer, '预览');
    const frame = drawer.getByTestId('docx-preview');
    await frame.waitFor();
    expect(await frame.getAttribute('srcdoc')).toContain('无偿献血');
    await page.keyboard.press('Escape');
    await row('固定资产台账').getByTestId('material-title').click();
    await openTab(drawer, '预览');
    await drawer.getByTestId('xlsx-preview').getByText('文明餐桌宣传牌').waitFor();
    await page.keyboard.press('Escape');
    await row('活动视频').getByTestId('material-title').click();
    await openTab(drawer, '预览');
    await drawer.getByTestId('file-card').getByText('视频文件').waitFor();
    await page.keyboard.press('Escape');
    await row('活动照片1').getByTestId('material-title').click();
    expect(await drawer.getByTestId('exif').innerText()).toContain('HUAWEI P40 Pro');
    await page.keyboard.press('Escape');

    // Two photos become one 组照.
    await row('活动照片1').getByRole('checkbox').check();
    await row('活动照片2').getByRole('checkbox').check();
    await page.getByTestId('bulk-group').click();
    // Named in a dialog (default: what it is and how many), then opened in the drawer.
    expect(await page.getByTestId('group-title').inputValue()).toMatch(/组照（2 张）$/);
    await page.getByTestId('group-title').fill('活动照片组照');
    await page.getByTestId('group-ok').click();
    await page.getByText('已将 2 张照片组成组照“活动照片组照”').waitFor();
    await drawer.getByText('活动照片组照').first().waitFor();
    await page.keyboard.press('Escape');
    await list.getByText('2 张照片').waitFor();
    expect(await list.getByTestId('material-title').count()).toBe(5);

    // 会议纪要 as a form, shown as a formatted page.
    await page.getByTestId('new-minutes').click();
    const mform = page.getByTestId('minutes-form');
    await mform.getByLabel('会议名称').fill('创建工作推进会');
    await mform.getByLabel('时间').fill('2024年5月8日 9:00');
    await mform.getByLabel('主持人').fill('张局长');
    await mform.getByLabel('决定事项').fill('每月通报创建进度');
    await page.getByTestId('minutes-save').click();
    const minutesPage = drawer.getByTestId('minutes-page');
    await openTab(drawer, '预览');
    await minutesPage.waitFor();
    expect(await minutesPage.innerText()).toContain('每月通报创建进度');
    await page.keyboard.press('Escape');
    await row('创建工作推进会').waitFor();

    // Delete to 回收站 and restore.
    await row('固定资产台账').getByRole('checkbox').check();
    await page.getByTestId('bulk-trash').click();
    await page.getByRole('button', { name: '删除', exact: true }).last().click();
    await row('固定资产台账').waitFor({ state: 'detached' });
    await page.getByTestId('open-trash').click();
    await page.getByTestId('trash-modal').getByTestId('trash-restore').click();
    await page.getByTestId('trash-modal').getByText('回收站是空的').waitFor();
    await page.keyboard.press('Escape');
    await row('固定资产台账').waitFor();

    // Search inside the PDF's text: the snippet shows the match, marked.
    await page.getByTestId('search-box').locator('input').fill('宣传进社区');
    await page.getByTestId('search-box').locator('input').press('Enter');
    const results = page.getByTestId('search-results');
    const snippet = results.getByTestId('search-snippet').first();
    await snippet.waitFor();
    expect(await snippet.innerText()).toContain('垃圾分类宣传进社区');
    expect(await snippet.getByTestId('search-hit').innerText()).toBe('宣传进社区');
    // Two characters work too, and filters narrow.
    await page.getByTestId('search-box').locator('input').fill('献血');
    await page.getByTestId('search-box').locator('input').press('Enter');
    await results.getByTestId('material-title').filter({ hasText: '志愿服务总结' }).waitFor();
    expect(await results.getByTestId('material-title').count()).toBe(1);

    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('drags materials onto an indicator, and files dropped there are filed under it', async () => {
    const { page, errors } = await openPage(suite.browser(), suite.server().url);
    await page.getByTestId('indicator-node-1.1').click();
    const list = page.getByTestId('material-list');
    const source = list.getByTestId('material-row').filter({ hasText: '志愿服务总结' });
    await source.waitFor();
    await source.dragTo(page.getByTestId('indicator-node-1.2'));
    await page.getByText(/已将 1 份材料归入「1\.2/).waitFor();
    await page.getByTestId('indicator-node-1.2').click();
    await list.getByTestId('material-row').filter({ hasText: '志愿服务总结' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('shows an import under way with progress, stays responsive, and cancels it', async () => {
    const many = path.join(suite.tmp, 'many');
    fs.mkdirSync(many);
    const paths: string[] = [];
    for (let i = 0; i < 120; i += 1) {
      const file = path.join(many, `照片${String(i).padStart(3, '0')}.jpg`);
      fs.writeFileSync(file, await photo({ width: 2400, height: 1800, color: `#${(i * 2039 + 4096).toString(16).slice(-3)}` }));
      paths.push(file);
    }
    const { page } = await openPage(suite.browser(), suite.server().url);
    await page.getByTestId('indicator-node-1.3').click();
    await page.getByTestId('add-materials').locator('input[type=file]').setInputFiles(paths);
    const progress = page.getByTestId('add-progress-text');
    await progress.filter({ hasText: '正在归档' }).waitFor({ timeout: 120_000 });
    // The page answers while the core files photos: typing into the search box shows at once.
    const started = Date.now();
    await page.getByTestId('search-box').locator('input').fill('测试');
    expect(Date.now() - started).toBeLessThan(5_000);
    await page.getByTestId('add-cancel').click();
    const report = page.getByTestId('add-report');
    await report.waitFor({ timeout: 60_000 });
    expect(await report.innerText()).toContain('已取消');
    const added = Number(/已添加 (\d+) 份材料/.exec(await report.innerText())?.[1]);
    expect(added).toBeLessThan(120);
    await page.close();
  }, 300_000);
});

/** The 20,000 materials of the big list: every fifth a photo, two in three dated. */
const bigList = {
  kind: (i: number) => (i % 5 === 0 ? 'photo' : 'document'),
  date: (i: number) => (i % 3 === 0 ? '' : `2023${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`),
};

describe('a 20,000-material list', () => {
  const suite = useBrowserMode('dossier-e2e-big-', (archiveDir) =>
    prepareArchive(archiveDir, (dossierId, db) => {
      const now = new Date().toISOString();
      const blob = db.prepare("INSERT INTO blob (sha256, size, media_type, created_at) VALUES (?, 1000, 'application/pdf', ?)");
      const mat = db.prepare(
        'INSERT INTO material (dossier_id, kind, sha256, original_name, title, date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      db.transaction(() => {
        for (let i = 0; i < 20_000; i += 1) {
          const sha = i.toString(16).padStart(64, '0');
          blob.run(sha, now);
          mat.run(dossierId, bigList.kind(i), sha, `材料${i}.pdf`, `第${i}号材料`, bigList.date(i), now, now);
        }
      })();
    }),
  );

  it('draws only the rows in view, fetches rows as they scroll in, sorts, filters and acts on the whole selection', async () => {
    const { page, errors } = await openPage(suite.browser(), suite.server().url);
    const list = page.getByTestId('material-list');
    const titles = list.getByTestId('material-title');
    await list.getByText('共 20000 份材料').waitFor({ timeout: 60_000 });
    // A clerk's order at first: the earliest 日期 (20230202, held first by 第1号 in 题名 order).
    await titles.getByText('第1号材料', { exact: true }).waitFor();
    expect(await titles.first().innerText()).toBe('第1号材料');
    const rows = await list.getByTestId('material-row').count();
    expect(rows).toBeGreaterThan(5);
    expect(rows).toBeLessThan(200);

    // Scrolled to the end, the last rows arrive and are drawn (rows are measured as they are
    // drawn, so the end moves a little: scroll again, as a clerk would).
    const holder = list.locator('.ant-table-tbody-virtual-holder');
    // The last row: undated (every third), the highest number in 题名 order.
    const last = titles.getByText('第19998号材料', { exact: true });
    await expect
      .poll(async () => {
        await holder.evaluate((el) => el.scrollTo(0, el.scrollHeight));
        return last.isVisible();
      })
      .toBe(true);
    expect(await list.getByTestId('material-row').count()).toBeLessThan(200);

    // A row far down, edited in its drawer, shows its new 题名 once the list reloads. (Rows are
    // measured as they are drawn: on a busy machine the end moves once more, so scroll again.)
    await holder.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await last.click();
    const drawer = page.getByTestId('material-drawer');
    await openTab(drawer, '著录信息');
    await drawer.getByLabel('题名').fill('第19998号材料（已修改）');
    await drawer.getByTestId('metadata-save').click();
    await page.keyboard.press('Escape');
    await titles.getByText('第19998号材料（已修改）', { exact: true }).waitFor();

    // 日期, newest first (one click: the list is by 日期 already): the latest date is 20231228,
    // held by 第83号 first in 题名 order.
    const dateHeader = list.locator('th').filter({ hasText: '日期' });
    await dateHeader.click();
    await expect.poll(() => titles.first().innerText()).toBe('第83号材料');
    // 题名 descending, in number order as a clerk reads it (第19999号 after 第2000号).
    await list.locator('th').filter({ hasText: '题名' }).click();
    await list.locator('th').filter({ hasText: '题名' }).click();
    await expect.poll(() => titles.first().innerText()).toBe('第19999号材料');
    await expect.poll(() => titles.nth(1).innerText()).toBe('第19998号材料（已修改）');

    // Only photos: the core filters, the footer counts them. (Under load a click in a dropdown
    // that is still opening can be lost: the checkbox is set until it shows set, as a clerk would.)
    const dropdown = page.locator('.ant-table-filter-dropdown');
    const photosOnly = async (on: boolean, footer: string) => {
      await clickUntil(list.locator('th').filter({ hasText: '类别' }).locator('.ant-table-filter-trigger'), dropdown);
      const box = dropdown.locator('.ant-dropdown-menu-item').filter({ hasText: '图片资料' }).getByRole('checkbox');
      await expect
        .poll(async () => {
          if ((await box.isChecked()) !== on) await box.click();
          return box.isChecked();
        })
        .toBe(on);
      await clickUntil(dropdown.getByRole('button', { name: '确定' }), list.getByText(footer));
    };
    await photosOnly(true, '共 4000 份材料');

    // Select all 4,000 (rows never drawn included) and move them to the 回收站 at once.
    await list.locator('.ant-table-thead').getByRole('checkbox').check();
    await page.getByTestId('bulk-bar').getByText('已选 4000 份').waitFor();
    await page.getByTestId('bulk-trash').click();
    await clickUntil(page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }), list.getByText('没有符合筛选条件的材料'));
    await photosOnly(false, '共 16000 份材料');
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
