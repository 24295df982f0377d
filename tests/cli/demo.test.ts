// `dossier demo --out DIR`: what a new user runs first. A real archive and a real packet.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { darkPixels, renderPage } from '../helpers/pdfTools';
import { repoRoot, tempDir } from '../helpers/tempArchive';

const run = promisify(execFile);

describe('dossier demo', () => {
  it('builds a sample archive and exports a packet that renders in Chinese', async () => {
    const out = tempDir('dossier-demo-');
    const { stdout } = await run(process.execPath, [path.join(repoRoot, 'bin', 'dossier.js'), 'demo', '--out', out], {
      cwd: repoRoot,
    });
    expect(stdout).toContain('导出完成');
    const names = fs.readdirSync(out);
    const pdf = path.join(out, names.find((n) => n.endsWith('迎检资料.pdf'))!);
    const xlsx = path.join(out, names.find((n) => n.endsWith('.xlsx'))!);
    expect(fs.existsSync(path.join(out, 'archive', 'archive.db'))).toBe(true);

    expect(execFileSync('qpdf', ['--check', pdf], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    for (const title of ['迎检资料', '目', '关于成立文明单位创建工作领导小组的通知', '2024年度文明单位创建工作实施方案']) {
      expect(text).toContain(title);
    }
    // Cover title and the catalogue: real glyphs, not blank boxes.
    expect(await darkPixels(renderPage(pdf, 1), { top: 0.25, bottom: 0.45 })).toBeGreaterThan(400);
    expect(await darkPixels(renderPage(pdf, 2), { top: 0.1, bottom: 0.9 })).toBeGreaterThan(1500);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.getWorksheet('归档文件目录')!;
    expect(sheet.getRow(1).values).toEqual(
      expect.arrayContaining(['序号', '档号', '文号', '责任者', '题名', '日期', '密级', '页数', '备注']),
    );
    // One row per filing: the 道德讲堂 photo is filed under two indicators.
    expect(sheet.actualRowCount - 1).toBe(6);
  });
});
