// Reports go where the clerk chooses: the desktop 另存为 dialog (its options decided in a plain
// module), or in browser mode a download of the file the core wrote into exports/. A backup is
// restored from its row into a new folder beside the archive when no folder is named.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRestoreDir } from '../../electron/core/backup/location';
import { createHandlers } from '../../electron/core/handlers';
import { saveDialogOptions } from '../../electron/main/saveDialog';
import { startHttpBridge, type HttpBridge } from '../../electron/web/httpBridge';
import { saveReport } from '../../renderer/src/common/saveReport';
import { TOKEN_HEADER } from '../../shared/transport';
import { openTestArchive, sampleDossier, tempDir } from '../helpers/tempArchive';

describe('the 另存为 dialog’s options', () => {
  it('suggests the name in the clerk’s documents folder, filtered by its kind', () => {
    expect(saveDialogOptions('四性检测报告-20261202.pdf', '/home/clerk/文档')).toEqual({
      ok: true,
      defaultPath: path.join('/home/clerk/文档', '四性检测报告-20261202.pdf'),
      filters: [{ name: 'PDF 文档', extensions: ['pdf'] }],
    });
    expect(saveDialogOptions('报告.xlsx', '/d')).toMatchObject({ ok: true, filters: [{ name: 'Excel 工作簿' }] });
    expect(saveDialogOptions('团委-任务包-20261202.dossier-task', '/d')).toMatchObject({ ok: true, filters: [{ name: '任务包', extensions: ['dossier-task'] }] });
    expect(saveDialogOptions('团委-第2次.dossier-submit', '/d')).toMatchObject({ ok: true, filters: [{ name: '报送包', extensions: ['dossier-submit'] }] });
  });

  it('refuses a page that names a path, a hidden file or no text', () => {
    for (const bad of ['../../x.pdf', 'C:\\Windows\\x.pdf', '/etc/passwd', '.bashrc', '', 42, null, 'x'.repeat(300)]) {
      const r = saveDialogOptions(bad, '/d');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/文件名无效/);
    }
  });
});

describe('saving a report', () => {
  it('desktop: asks first, writes nothing when cancelled, writes to the chosen path', async () => {
    const writes: (string | undefined)[] = [];
    const write = async (to: string | undefined) => (writes.push(to), { path: to ?? '/exports/x.pdf' });
    expect(await saveReport({ pickSavePath: async () => null, download: null }, 'r.pdf', write)).toBeNull();
    expect(writes).toEqual([]);
    expect(await saveReport({ pickSavePath: async () => 'D:\\报告\\r.pdf', download: null }, 'r.pdf', write)).toEqual({ path: 'D:\\报告\\r.pdf', downloaded: false });
    const downloads: string[] = [];
    expect(await saveReport({ pickSavePath: null, download: (p) => downloads.push(p) }, 'r.pdf', write)).toEqual({ path: '/exports/x.pdf', downloaded: true });
    expect(downloads).toEqual(['/exports/x.pdf']);
  });

  it('names a restore folder beside the archive after it and the backup, never an existing one', () => {
    const taken = new Set([path.join('/d', '创建档案-恢复-20240312-181500')]);
    expect(defaultRestoreDir('/d/创建档案', '/d/创建档案-备份/备份-20240312-181500-042.zip', (d) => taken.has(d))).toBe(
      path.join('/d', '创建档案-恢复-20240312-181500（2）'),
    );
  });
});

describe('reports over the browser bridge', () => {
  const t = openTestArchive();
  let bridge: HttpBridge;
  let base: string;
  const get = (route: string, token: string | null = bridge.token) => fetch(`${base}${route}`, { headers: token ? { [TOKEN_HEADER]: token } : {} });
  beforeAll(async () => {
    await sampleDossier(t.api);
    bridge = await startHttpBridge({ handlers: createHandlers(t.ctx), archive: t.ctx.archive, staticDir: null });
    base = `http://127.0.0.1:${bridge.port}`;
  });
  afterAll(async () => {
    await bridge.close();
    await t.close();
  });

  it('writes the 每半月汇报 into the folder the clerk picked, both files, none into exports/', async () => {
    const dossierId = (await t.api['dossiers.list']({}))[0].id;
    const dir = tempDir('dossier-progress-to-');
    const files = await t.api['progress.export']({ dossierId, dir });
    expect([files.xlsx, files.pdf].map((f) => path.dirname(f!))).toEqual([dir, dir]);
    expect(execFileSync('pdftotext', [files.pdf!, '-']).toString()).toContain('报送进度汇报');
    expect(fs.existsSync(path.join(t.ctx.archive.root, 'exports', '进度汇报'))).toBe(false);
  });

  it('writes the report to the chosen file (extension added), a PDF that opens', async () => {
    const dir = tempDir('dossier-report-to-');
    const out = await t.api['integrity.exportReport']({ format: 'pdf', outFile: path.join(dir, '我的报告') });
    expect(out.path).toBe(path.join(dir, '我的报告.pdf'));
    expect(execFileSync('pdftotext', [out.path, '-']).toString()).toContain('四性检测');
    // Nothing written silently into the archive's exports/.
    expect(fs.existsSync(path.join(t.ctx.archive.root, 'exports'))).toBe(false);
  });

  it('downloads a file the core wrote under exports/, with its Chinese name, and nothing else', async () => {
    const out = await t.api['integrity.exportReport']({ format: 'xlsx' });
    const name = path.basename(out.path);
    const route = (file: string) => `/downloads?path=${encodeURIComponent(file)}`;
    const r = await get(route(out.path));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(Buffer.from(await r.arrayBuffer()).equals(fs.readFileSync(out.path))).toBe(true);
    // A 任务包 in a folder below exports/ too.
    const exportsDir = path.join(t.ctx.archive.root, 'exports');
    fs.mkdirSync(path.join(exportsDir, '任务包'), { recursive: true });
    const task = path.join(exportsDir, '任务包', '团委-第1次.dossier-task');
    fs.writeFileSync(task, 'task');
    expect(await (await get(route(task))).text()).toBe('task');

    expect((await get(route(out.path), null)).status).toBe(403);
    const outside = path.join(tempDir('dossier-outside-'), 'secret.txt');
    fs.writeFileSync(outside, 'secret');
    fs.symlinkSync(outside, path.join(exportsDir, 'link.txt'));
    fs.writeFileSync(path.join(exportsDir, '.report.pdf.tmp'), 'partial');
    const bad = [
      path.join(t.ctx.archive.root, 'archive.db'),
      path.join(exportsDir, '..', 'archive.db'),
      path.join(exportsDir, 'link.txt'),
      path.join(exportsDir, '.report.pdf.tmp'),
      path.join(exportsDir, 'nope.pdf'),
      exportsDir,
      outside,
      '任务包/团委-第1次.dossier-task',
      '',
    ];
    for (const file of bad) expect([403, 404], file).toContain((await get(route(file))).status);
    expect([403, 404]).toContain((await get(`/downloads/${encodeURIComponent(name)}`)).status);
  });
});
