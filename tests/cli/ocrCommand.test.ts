// OCR from the command line (issue 14): `dossier add` returns once a scan is stored (ocr
// pending), `dossier ocr` reads it and reports in Chinese, `dossier list --json` shows `done`,
// `dossier search` finds a word only the scan holds. Real processes on a real archive folder.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { runDossier } from '../helpers/cli';
import { scannedPdf } from '../helpers/scannedPdf';
import { tempDir } from '../helpers/tempArchive';

interface Row {
  id: number;
  title: string;
  ocr: string;
  ocrPages: number[];
  isDocument: boolean;
  snippet?: string;
}

describe('dossier ocr', { timeout: 300_000 }, () => {
  const archive = tempDir('dossier-cli-ocr-');
  const inputs = tempDir('dossier-cli-ocr-in-');
  const dossier = (...args: string[]) => runDossier([...args, '--archive', archive]);
  const json = async <T>(...args: string[]): Promise<T> => {
    const r = await dossier(...args, '--json');
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as T;
  };

  it('adds a scan at once, reads it with dossier ocr, and finds its words', async () => {
    fs.writeFileSync(path.join(inputs, '签到表（扫描件）.pdf'), await scannedPdf([['文明交通志愿岗签到表', '参加人员：张伟、李娜、王芳']]));
    await sharp({ create: { width: 120, height: 90, channels: 3, background: '#3a6' } }).jpeg().toFile(path.join(inputs, '活动照片.jpg'));
    expect((await dossier('init', '--name', '2024年度文明单位创建')).code).toBe(0);
    const added = await json<{ added: Row[] }>('add', inputs);
    expect(added.added.map((r) => [r.title, r.ocr])).toEqual([
      ['活动照片', 'none'],
      ['签到表（扫描件）', 'pending'],
    ]);

    const photo = added.added.find((r) => r.title === '活动照片')!;
    const marked = await json<Row[]>('document', String(photo.id));
    expect(marked[0]).toMatchObject({ isDocument: true, ocr: 'pending' });

    const run = await dossier('ocr');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('本次识别 2 份');
    expect(run.stdout).toContain('待识别 0 份');

    const list = await json<Row[]>('list');
    // A plain green photo holds no text: read, but no page came from OCR.
    expect(Object.fromEntries(list.map((r) => [r.title, [r.ocr, r.ocrPages]]))).toEqual({
      '签到表（扫描件）': ['done', [1]],
      活动照片: ['done', []],
    });

    const found = await json<Row[]>('search', '志愿岗签到');
    expect(found.map((r) => r.title)).toEqual(['签到表（扫描件）']);
    expect(found[0].snippet).toContain('志愿岗签到');

    const again = await json<{ read: number; pending: number; done: number }>('ocr', '--wait');
    expect(again).toMatchObject({ read: 0, pending: 0, done: 2 });
  });
});
