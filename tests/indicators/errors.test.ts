import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseIndicatorFile } from '../../electron/core/indicators/import';
import { tempDir, writeDocx, writeFile, writeXlsx } from './fixtures';
import { rejection } from './helpers';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('bad input is refused with a message naming the file, the reason and what to do', () => {
  it('a workbook without a header row', async () => {
    const file = await writeXlsx(dir, '无表头.xlsx', [
      {
        rows: [
          ['组织领导', '成立领导小组', 5],
          ['组织领导', '定期研究', 5],
        ],
      },
    ]);
    const err = await rejection(parseIndicatorFile(file));
    expect(err.code).toBe('bad_input');
    expect(err.message).toContain('“无表头.xlsx”中没有找到表头');
    expect(err.message).toContain('第一行内容是“组织领导”“成立领导小组”“5”');
    expect(err.message).toContain('“一级指标”“二级指标”“测评内容”“测评方法”“分值”');
  });

  it('an empty workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1');
    const file = `${dir}/空表.xlsx`;
    await workbook.xlsx.writeFile(file);
    const err = await rejection(parseIndicatorFile(file));
    expect(err).toEqual({ code: 'bad_input', message: expect.stringContaining('“空表.xlsx”是空的，没有任何内容') });
  });

  it('a header with nothing below it', async () => {
    const file = writeFile(dir, '只有表头.csv', '一级指标,测评内容,分值\n\n');
    const err = await rejection(parseIndicatorFile(file));
    expect(err.message).toContain('“只有表头.csv”的表头下方没有任何指标行');
  });

  it('a password-protected workbook (an OLE compound file named .xlsx)', async () => {
    const cfb = Buffer.alloc(4096, 0);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    const file = writeFile(dir, '加密的测评表.xlsx', cfb);
    const err = await rejection(parseIndicatorFile(file));
    expect(err.code).toBe('bad_input');
    expect(err.message).toContain('“加密的测评表.xlsx”设置了打开密码（已加密）');
    expect(err.message).toContain('另存为 .xlsx 后重新导入');
  });

  it('a password-protected Word document', async () => {
    const cfb = Buffer.alloc(1024, 0);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    const err = await rejection(parseIndicatorFile(writeFile(dir, '加密的评分表.docx', cfb)));
    expect(err.message).toContain('“加密的评分表.docx”设置了打开密码（已加密），或是旧版 .doc 文件改了扩展名');
  });

  it('a file that is not a workbook at all', async () => {
    const err = await rejection(parseIndicatorFile(writeFile(dir, '假的.xlsx', 'not a zip')));
    expect(err.message).toContain('“假的.xlsx”不是有效的 .xlsx 文件');
  });

  it('a Word document without a table', async () => {
    const file = await writeDocx(dir, '没有表格.docx', [{ paragraph: '某市文明城市测评体系' }, { paragraph: '一、组织领导（20分）' }]);
    const err = await rejection(parseIndicatorFile(file));
    expect(err.message).toContain('“没有表格.docx”中没有表格');
    expect(err.message).toContain('文本转换成表格');
  });

  it('a CSV in an encoding that is neither UTF-8 nor GB18030', async () => {
    const file = writeFile(dir, '乱码.csv', Buffer.from([0x81, 0x20, 0xff, 0x41, 0x2c, 0x42, 0x0a]));
    const err = await rejection(parseIndicatorFile(file));
    expect(err.message).toContain('无法识别“乱码.csv”的文字编码');
    expect(err.message).toContain('另存为“CSV UTF-8（逗号分隔）”');
  });

  it('a parent code that does not exist', async () => {
    const csv = ['编码,名称,上级编码,分值', '1,组织领导,,10', '1.1,机制,1,5', '1.2,计划,9,5'].join('\n');
    const err = await rejection(parseIndicatorFile(writeFile(dir, '悬空.csv', csv)));
    expect(err.code).toBe('bad_input');
    expect(err.message).toBe(
      '“悬空.csv”第 4 行的指标“计划”（编码 1.2）的上级编码 9 在表中不存在。请检查“上级编码”列是否写错，或补上编码为 9 的指标后再导入',
    );
  });

  it('parent codes that go round in a circle', async () => {
    const csv = ['编码,名称,上级编码', 'A,组织领导,', 'B,机制,C', 'C,计划,B'].join('\n');
    const err = await rejection(parseIndicatorFile(writeFile(dir, '循环.csv', csv)));
    expect(err.message).toContain('“循环.csv”中的上级编码形成了循环：B → C → B');
    expect(err.message).toContain('请修改“上级编码”列');
  });

  it('old binary formats and unknown extensions', async () => {
    expect((await rejection(parseIndicatorFile(writeFile(dir, '旧表.xls', 'x')))).message).toContain('另存为 .xlsx');
    expect((await rejection(parseIndicatorFile(writeFile(dir, '旧文档.doc', 'x')))).message).toContain('另存为 .docx');
    expect((await rejection(parseIndicatorFile(writeFile(dir, '图片.png', 'x')))).message).toContain('不是支持的测评体系格式');
    expect((await rejection(parseIndicatorFile(`${dir}/不存在.csv`))).message).toContain('无法读取文件“不存在.csv”');
  });
});

describe('rows that cannot be placed are reported, not silently dropped', () => {
  it('warns about a coded sheet row without a code', async () => {
    const csv = ['编码,名称,分值', '1,组织领导,10', ',漏了编码,5', '1.1,机制,10'].join('\n');
    const s = await parseIndicatorFile(writeFile(dir, '缺编码.csv', csv));
    expect(s.indicators.map((i) => i.code)).toEqual(['1', '1.1']);
    expect(s.warnings).toEqual(['第 3 行（漏了编码 5）没有编码，无法确定位置，已跳过']);
  });

  it('warns about a data row that repeats its item without naming a new one', async () => {
    const csv = ['一级指标,二级指标,分值', '组织领导,机制,5', ',,3'].join('\n');
    const s = await parseIndicatorFile(writeFile(dir, '无名行.csv', csv));
    expect(s.indicators).toHaveLength(2);
    expect(s.warnings).toEqual(['第 3 行（3）：无法确定属于哪一项指标（指标名称为空或与上一行相同），已跳过']);
  });

  it('skips 小计 rows and warns when the 合计 row disagrees with the items', async () => {
    const csv = ['测评项目,测评内容,分值', '组织领导,机制,5', ',计划,5', '小计,,10', '环境,整洁,3', '合计,,12'].join('\n');
    const s = await parseIndicatorFile(writeFile(dir, '合计.csv', csv));
    expect(s.indicators.map((i) => i.title)).toEqual(['组织领导', '机制', '计划', '环境', '整洁']);
    expect(s.warnings).toEqual(['表中“合计”为 12 分，但各项指标合计 13 分，请核对']);
  });
});
