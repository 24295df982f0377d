// Trust issue, point 7: no silent degradation. Where Word, tables, text and 会议纪要 need a
// browser to become PDF and none is found, or the one found fails to start, the export says so
// (before its job exists, or as the job's first step while a slow start is awaited: what to
// install, which setting points to a browser), writes nothing, and logs why the start failed;
// with placeholders chosen it goes on and says so per file.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDossier } from '../helpers/cli';
import { repoRoot, tempDir } from '../helpers/tempArchive';
import { pdfText } from '../helpers/pdfTools';
import { chinesePdf, docx } from './fixtures';

describe('exports without a working browser', () => {
  const work = tempDir('dossier-norender-');
  const archive = path.join(work, 'archive');
  const failing = path.join(work, 'broken-chromium');

  beforeAll(async () => {
    const csv = path.join(repoRoot, 'tests', 'fixtures', 'samples', '简易测评体系（示例）.csv');
    expect((await runDossier(['init', '--archive', archive, '--name', '无浏览器', '--unit', '示例单位'])).code).toBe(0);
    expect((await runDossier(['indicators', 'import', csv, '--archive', archive])).code).toBe(0);
    const codes = (JSON.parse((await runDossier(['indicators', 'list', '--archive', archive, '--json'])).stdout) as { code: string; parentCode: string | null }[])
      .filter((i, _, all) => !all.some((c) => c.parentCode === i.code))
      .map((i) => i.code);
    await docx(path.join(work, '工作总结.docx'), ['年度创建工作总结']);
    await chinesePdf(path.join(work, '实施方案.pdf'), ['创建工作实施方案']);
    for (const f of ['工作总结.docx', '实施方案.pdf']) {
      expect((await runDossier(['add', path.join(work, f), '--archive', archive, '--indicator', codes[0]])).code).toBe(0);
    }
    expect((await runDossier(['minutes', '--archive', archive, '--name', '创建工作推进会', '--time', '2024年5月8日', '--indicator', codes[1]])).code).toBe(0);
    // Found, but cannot start: what a browser with a missing library looks like.
    fs.writeFileSync(failing, '#!/bin/sh\necho "error while loading shared libraries: libnss3.so: cannot open shared object file" >&2\nexit 127\n', { mode: 0o755 });
  }, 120_000);

  it('refuses before it starts when no browser is found, naming what to install', async () => {
    const out = path.join(work, 'out-none');
    const r = await runDossier(['export', '--archive', archive, '--out', out], { env: { DOSSIER_CHROMIUM: path.join(work, 'no-such-browser') } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('未找到可用的浏览器');
    expect(r.stderr).toContain('Microsoft Edge');
    expect(r.stderr).toContain('DOSSIER_CHROMIUM');
    expect(r.stderr).toContain('2 份材料需要转换');
    expect(r.stderr).toContain('--allow-placeholders');
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
  });

  it('refuses when the browser fails to start, and logs the reason', async () => {
    const out = path.join(work, 'out-broken');
    const r = await runDossier(['export', '--archive', archive, '--out', out], { env: { DOSSIER_CHROMIUM: failing } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('浏览器无法启动');
    expect(r.stderr).toContain('用于转换 PDF 的浏览器启动失败');
    expect(r.stderr).toContain('libnss3.so');
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
  });

  it('goes on with placeholder pages only when asked, and names each file', async () => {
    const out = path.join(work, 'out-placeholders');
    const r = await runDossier(['export', '--archive', archive, '--out', out, '--allow-placeholders'], { env: { DOSSIER_CHROMIUM: failing } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('提示：《工作总结》');
    expect(r.stderr).toContain('提示：《创建工作推进会》');
    const pdf = fs.readdirSync(out).find((n) => n.endsWith('.pdf'))!;
    const text = pdfText(path.join(out, pdf));
    expect(text).toContain('创建工作实施方案'); // the PDF is merged as ever
    expect(text).toContain('无法将 Word 文档');
  });

  it('needs no browser where nothing must be converted', async () => {
    const out = path.join(work, 'out-xlsx');
    const r = await runDossier(['export', '--archive', archive, '--out', out, '--xlsx'], { env: { DOSSIER_CHROMIUM: path.join(work, 'no-such-browser') } });
    expect(r.code, r.stderr).toBe(0);
  });
});
