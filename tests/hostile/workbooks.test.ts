// Hostile indicator files (测评体系 import): a million rows, bombs and entity tricks are refused
// quickly, with little memory and a Chinese reason naming the file and the limit.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseIndicatorFile, readIndicatorTables } from '../../electron/core/indicators/import';
import { MAX_DEPTH, MAX_ROWS } from '../../electron/core/indicators/import/importLimits';
import { rejection } from '../indicators/helpers';
import { tempDir } from '../indicators/fixtures';
import {
  LAUGHS_BODY,
  LAUGHS_PROLOG,
  SMALL_TABLE,
  sheetLines,
  sparseSheet,
  writeBigCsv,
  writeBigDocxTable,
  writeBigXlsx,
  writeRawDocx,
  writeRawXlsx,
  XXE_BODY,
  XXE_PROLOG,
} from './hostileOffice';

interface Measured<T> {
  value: T;
  seconds: number;
  /** Highest resident set seen while it ran, above what it was before. */
  peakMb: number;
}

/** Time and memory of one call; rss is sampled every 10 ms (the readers yield between chunks). */
async function measure<T>(work: () => Promise<T>): Promise<Measured<T>> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  let value: T;
  try {
    value = await work();
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - started) / 1000;
  peak = Math.max(peak, process.memoryUsage().rss);
  return { value, seconds, peakMb: (peak - before) / 1024 / 1024 };
}

async function refused(file: string): Promise<{ code: string; message: string; seconds: number; peakMb: number }> {
  const m = await measure(() => rejection(readIndicatorTables(file)));
  const report = { ...m.value, seconds: m.seconds, peakMb: m.peakMb };
  console.info(`${path.basename(file)} (${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB): ${report.seconds.toFixed(2)} s, +${report.peakMb.toFixed(0)} MB — ${report.message}`);
  return report;
}

describe('hostile indicator workbooks', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });

  it('refuses a 1,000,000-row xlsx in seconds, with little memory, naming the file and the limit', async () => {
    const file = path.join(dir, '百万行.xlsx');
    await writeBigXlsx(file, 1_000_000);
    const r = await refused(file);
    expect(r.code).toBe('bad_input');
    expect(r.message).toContain('“百万行.xlsx”');
    expect(r.message).toMatch(/上限/);
    expect(r.message).not.toMatch(/内部错误|Error|at /);
    expect(r.seconds).toBeLessThan(10);
    expect(r.peakMb).toBeLessThan(400);
    // Rows of a few bytes stay under the size limit: the row count, read as the sheet streams by, refuses them.
    const compact = path.join(dir, '百万行紧凑.xlsx');
    await writeBigXlsx(compact, 1_000_000, true);
    const c = await refused(compact);
    expect(c.message).toContain('“百万行紧凑.xlsx”的工作表超过上限');
    expect(c.seconds).toBeLessThan(10);
    expect(c.peakMb).toBeLessThan(400);
  }, 180_000);

  it('counts rows while reading: 25,000 rows within the size limit are refused by the row limit', async () => {
    const file = path.join(dir, '两万五千行.xlsx');
    await writeBigXlsx(file, 25_000);
    const r = await refused(file);
    expect(r.message).toContain('“两万五千行.xlsx”');
    expect(r.message).toContain(`${MAX_ROWS} 行`);
    expect(r.seconds).toBeLessThan(5);
  }, 60_000);

  it('refuses one stray value a million rows down instead of making a grid of a million rows', async () => {
    const file = path.join(dir, '远处有值.xlsx');
    await writeRawXlsx(file, sparseSheet(1_000_000));
    const r = await refused(file);
    expect(r.message).toContain('工作表“测评体系”有 1000000 行');
    expect(r.seconds).toBeLessThan(5);
  }, 60_000);

  it('refuses a merge over the whole sheet (A1:XFD1048576) before exceljs creates its cells', async () => {
    const file = path.join(dir, '合并炸弹.xlsx');
    await writeRawXlsx(file, sheetLines(3, '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'));
    const r = await refused(file);
    expect(r.message).toContain('合并单元格');
    expect(r.seconds).toBeLessThan(5);
  }, 60_000);

  it('reads a sheet with whole-column dropdowns quickly: data validations are not loaded', async () => {
    const file = path.join(dir, '整列下拉.xlsx');
    const validations = ['D', 'E', 'F', 'G', 'H']
      .map((c) => `<dataValidation type="list" allowBlank="1" sqref="${c}2:${c}1048576"><formula1>"是,否"</formula1></dataValidation>`)
      .join('');
    await writeRawXlsx(file, sheetLines(3, `<dataValidations count="5">${validations}</dataValidations>`));
    const m = await measure(() => parseIndicatorFile(file));
    console.info(`整列下拉.xlsx: ${m.seconds.toFixed(2)} s, +${m.peakMb.toFixed(0)} MB`);
    expect(m.value.indicators.map((i) => i.title)).toEqual(['指标1', '指标2', '指标3']);
    expect(m.seconds).toBeLessThan(5);
  }, 120_000);

  it('refuses a 1,000,000-line CSV while parsing it', async () => {
    const file = path.join(dir, '百万行.csv');
    await writeBigCsv(file, 1_000_000);
    const r = await refused(file);
    expect(r.message).toContain('“百万行.csv”');
    expect(r.message).toContain(`${MAX_ROWS} 行`);
    expect(r.seconds).toBeLessThan(10);
    expect(r.peakMb).toBeLessThan(400);
  }, 120_000);

  it('refuses a Word table of 100,000 rows before parsing the document', async () => {
    const file = path.join(dir, '十万行表格.docx');
    await writeBigDocxTable(file, 100_000);
    const r = await refused(file);
    expect(r.message).toContain('“十万行表格.docx”');
    expect(r.message).toContain(`${MAX_ROWS} 行`);
    expect(r.seconds).toBeLessThan(10);
    expect(r.peakMb).toBeLessThan(400);
  }, 120_000);

  it('refuses a DOCX with an external entity (XXE), naming the reason, without reading the entity', async () => {
    const file = path.join(dir, '外部实体.docx');
    await writeRawDocx(file, XXE_BODY, { prolog: XXE_PROLOG });
    const r = await refused(file);
    expect(r.code).toBe('bad_input');
    expect(r.message).toContain('“外部实体.docx”含有 DTD 或外部实体声明');
    expect(r.message).not.toContain('root:');
  });

  it('refuses a billion-laughs DOCX at once, without expanding anything', async () => {
    const file = path.join(dir, '实体炸弹.docx');
    await writeRawDocx(file, LAUGHS_BODY, { prolog: LAUGHS_PROLOG });
    const r = await refused(file);
    expect(r.code).toBe('bad_input');
    expect(r.message).toContain('“实体炸弹.docx”含有 DTD 或外部实体声明');
    expect(r.seconds).toBeLessThan(2);
  });

  it('still reads the same table without the DTD', async () => {
    const file = path.join(dir, '正常.docx');
    await writeRawDocx(file, SMALL_TABLE);
    const system = await parseIndicatorFile(file);
    expect(system.indicators.map((i) => i.title)).toContain('组织领导');
  });

  it(`refuses a parent-code chain deeper than ${MAX_DEPTH} levels instead of overflowing the stack`, async () => {
    const file = path.join(dir, '一万级.csv');
    const lines = ['编码,指标名称,上级编码,分值'];
    for (let i = 1; i <= 10_000; i++) lines.push(`C${i},指标${i},${i === 1 ? '' : `C${i - 1}`},1`);
    fs.writeFileSync(file, lines.join('\n'));
    const m = await measure(() => rejection(parseIndicatorFile(file)));
    expect(m.value.code).toBe('bad_input');
    expect(m.value.message).toContain(`超过 ${MAX_DEPTH} 级`);
    expect(m.seconds).toBeLessThan(5);
  }, 60_000);

  it('numbers 19,000 repeats of one code in linear time', async () => {
    const file = path.join(dir, '重复编码.csv');
    const lines = ['编码,指标名称,分值'];
    for (let i = 1; i <= 19_000; i++) lines.push(`A,指标${i},1`);
    fs.writeFileSync(file, lines.join('\n'));
    const m = await measure(() => parseIndicatorFile(file));
    expect(m.value.indicators.some((i) => i.code === 'A(19000)')).toBe(true);
    expect(m.seconds).toBeLessThan(5);
  }, 120_000);
});
