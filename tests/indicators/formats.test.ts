import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { parseIndicatorFile } from '../../electron/core/indicators/import';
import { tempDir, writeDocx, writeFile, writeXlsx } from './fixtures';
import { byTitle, childrenOf, countsPerLevel } from './helpers';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// 测评项目 merged down as blanks, a field with a comma and one with a line break, a rare character
// outside GBK (𠮷) to prove the decoder is GB18030, a veto via 测评方法 and a bonus category.
const CITY_ROWS = [
  ['测评项目', '测评内容', '测评标准', '测评方法', '分值', '责任单位'],
  ['公共文明', '窗口服务', '服务规范,使用文明用语', '实地考察/问卷调查', '5', '市政务服务中心'],
  ['', '公共秩序', '排队有序\r\n无大声喧哗', '实地考察', '5', '市公安局'],
  ['诚信建设', '信用体系', '建立𠮷信用档案', '材料审核', '10', '市发改委'],
  ['', '失信惩戒', '', '材料审核', '一票否决', ''],
  ['加分项', '特色亮点', '每项加1分，最高加3分', '材料审核', '', ''],
];

/** CSV as Excel writes it: quotes only where needed, doubled quotes inside, CRLF between records. */
function toCsv(rows: string[][], delimiter: string): string {
  const quote = (v: string) => (/[",\t\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(quote).join(delimiter)).join('\r\n');
}

const CITY_CSV = toCsv(CITY_ROWS, ',');

function checkCity(s: Awaited<ReturnType<typeof parseIndicatorFile>>) {
  expect(countsPerLevel(s)).toEqual([3, 5]);
  expect(childrenOf(s, null).map((i) => [i.title, i.score, i.kind])).toEqual([
    ['公共文明', 10, 'scored'],
    ['诚信建设', 10, 'scored'],
    ['加分项', 3, 'bonus'],
  ]);
  expect(byTitle(s, '窗口服务')).toMatchObject({
    standard: '服务规范,使用文明用语',
    methods: ['实地考察', '问卷调查'],
    responsibleUnit: '市政务服务中心',
  });
  expect(byTitle(s, '公共秩序').standard).toBe('排队有序\n无大声喧哗');
  expect(byTitle(s, '信用体系').standard).toBe('建立𠮷信用档案');
  expect(byTitle(s, '失信惩戒')).toMatchObject({ kind: 'veto', score: null });
  expect(byTitle(s, '特色亮点')).toMatchObject({ kind: 'bonus', score: 3 });
}

describe('CSV encodings', () => {
  it('reads GB18030 as saved by Excel on Chinese Windows', async () => {
    const file = writeFile(dir, '城市测评-gbk.csv', iconv.encode(CITY_CSV, 'gb18030'));
    const s = await parseIndicatorFile(file);
    expect(s.name).toBe('城市测评-gbk');
    checkCity(s);
  });

  it('reads UTF-8 with a BOM', async () => {
    const file = writeFile(dir, '城市测评-bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CITY_CSV, 'utf8')]));
    const s = await parseIndicatorFile(file);
    checkCity(s);
    expect(s.indicators[0].title).toBe('公共文明'); // no BOM left on the first cell
  });

  it('reads UTF-8 without a BOM, and tab-separated UTF-16 (Excel “Unicode 文本”)', async () => {
    checkCity(await parseIndicatorFile(writeFile(dir, '城市测评.csv', CITY_CSV)));
    const tsv = toCsv(CITY_ROWS, '\t');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]);
    checkCity(await parseIndicatorFile(writeFile(dir, '城市测评.txt', utf16)));
  });
});

describe('xlsx with title rows and outline numbering in one column', () => {
  it('finds the header below the titles, names the system after the title, and nests by numbering', async () => {
    const file = await writeXlsx(dir, '测评细则.xlsx', [
      {
        rows: [
          ['附件1', null, null, null],
          ['某区文明单位测评细则', null, null, null],
          ['（2024年修订）', null, null, null],
          [null, null, null, null],
          ['指标', '分 值（分）', '测评方式', '佐证材料'],
          ['一、组织领导（20分）', null, null, null],
          ['（一）工作机制', null, null, null],
          ['1.成立创建领导小组', 5, '材料审核', '成立文件'],
          ['2.定期研究创建工作', 5, '材料审核，实地考察', '会议纪要'],
          ['（二）制度建设', null, null, null],
          ['1．制度健全', 6, '材料审核', null],
          ['2．制度落实', 4, '材料审核', null],
          ['二、志愿服务（10分）', null, null, null],
          ['1.建立志愿服务队', 6, '材料审核', null],
          ['2.开展志愿服务活动', 3, '材料审核', null],
          ['三、否决项', null, null, null],
          ['① 发生重大安全责任事故', null, '一票否决', null],
          ['四、加分项', null, null, null],
          ['① 获得省级以上表彰', '加2分', '材料审核', null],
          ['注：1.本表仅为测试。', null, null, null],
          ['2.分值以正式文件为准。', null, null, null],
        ],
        merges: ['A1:D1', 'A2:D2', 'A3:D3'],
      },
    ]);
    const s = await parseIndicatorFile(file);
    expect(s.name).toBe('某区文明单位测评细则');
    expect(countsPerLevel(s)).toEqual([4, 6, 4]);
    expect(s.indicators.slice(0, 4).map((i) => [i.code, i.numbering, i.title, i.score])).toEqual([
      ['1', '一、', '组织领导', 20],
      ['1.1', '（一）', '工作机制', 10],
      ['1.1.1', '1.', '成立创建领导小组', 5],
      ['1.1.2', '2.', '定期研究创建工作', 5],
    ]);
    expect(byTitle(s, '定期研究创建工作').methods).toEqual(['材料审核', '实地考察']);
    expect(byTitle(s, '制度落实')).toMatchObject({ code: '1.2.2', numbering: '2．' });
    expect(byTitle(s, '发生重大安全责任事故')).toMatchObject({ code: '3.1', numbering: '①', kind: 'veto' });
    expect(byTitle(s, '获得省级以上表彰')).toMatchObject({ code: '4.1', kind: 'bonus', score: 2 });
    expect(byTitle(s, '否决项').kind).toBe('veto');
    // 志愿服务 prints 10 but its items add up to 9.
    expect(s.warnings).toEqual(['“志愿服务”（2）的分值为 10 分，但下级指标合计 9 分，请核对']);
  });

  it('gives a vertically merged score to the 二级指标 it spans', async () => {
    const file = await writeXlsx(dir, '合并分值.xlsx', [
      {
        rows: [
          ['一级指标', '二级指标', '测评内容', '分值', '测评方法'],
          ['组织领导', '工作机制', '成立领导小组', 10, '材料审核'],
          [null, null, '定期研究', null, null],
          [null, '制度建设', '制度健全', 5, '材料审核'],
          [null, null, '制度落实', 5, '实地考察'],
        ],
        merges: ['A2:A5', 'B2:B3', 'B4:B5', 'D2:D3', 'E2:E3'],
      },
    ]);
    const s = await parseIndicatorFile(file);
    expect(countsPerLevel(s)).toEqual([1, 2, 4]);
    expect(byTitle(s, '工作机制').score).toBe(10);
    expect(byTitle(s, '成立领导小组').score).toBeNull();
    expect(byTitle(s, '定期研究').methods).toEqual(['材料审核']); // merged method applies to both rows
    expect(byTitle(s, '组织领导').score).toBe(20);
  });

  it('reads a workbook where merged cells hold repeated values, and picks the sheet with a header', async () => {
    const file = await writeXlsx(dir, '多表.xlsx', [
      { name: '说明', rows: [['填写说明'], ['请按表填写']] },
      {
        name: '测评表',
        rows: [
          ['测评项目', '测评内容', '权重'],
          ['组织领导', '机制健全', '10%'],
          ['组织领导', '计划落实', '10%'],
          ['志愿服务', '队伍建设', '20%'],
        ],
      },
    ]);
    const s = await parseIndicatorFile(file);
    expect(countsPerLevel(s)).toEqual([2, 3]);
    expect(childrenOf(s, null).map((i) => i.score)).toEqual([20, 20]);
  });
});

describe('docx tables', () => {
  it('handles vMerge, gridSpan category rows and a table continued on the next page', async () => {
    const header = ['一级指标', '二级指标', '测评内容', '分值'];
    const file = await writeDocx(dir, '评分表.docx', [
      { paragraph: '附件2' },
      { paragraph: '某市文明城市测评体系' },
      {
        table: [
          header,
          [{ text: '公共文明', vMerge: 'restart' }, { text: '窗口服务', vMerge: 'restart' }, '服务规范', '4'],
          [{ text: '', vMerge: 'continue' }, { text: '', vMerge: 'continue' }, '文明用语', '3'],
          [{ text: '', vMerge: 'continue' }, '交通秩序', '礼让行人', '3'],
        ],
      },
      {
        table: [
          header,
          ['生态环境', '市容', '道路整洁', '5'],
          [{ text: '否决项', span: 4 }],
          ['', '', '发生重大\n安全事故', '一票否决'],
        ],
      },
    ]);
    const s = await parseIndicatorFile(file);
    expect(s.name).toBe('某市文明城市测评体系');
    expect(childrenOf(s, null).map((i) => [i.title, i.score, i.kind])).toEqual([
      ['公共文明', 10, 'scored'],
      ['生态环境', 5, 'scored'],
      ['否决项', null, 'veto'],
    ]);
    expect(countsPerLevel(s)).toEqual([3, 4, 4]);
    expect(byTitle(s, '发生重大安全事故')).toMatchObject({ kind: 'veto', content: '发生重大\n安全事故' });
    expect(s.warnings.some((w) => w.includes('续表'))).toBe(true);
  });
});

describe('sheets with their own codes', () => {
  it('derives parents from dotted codes when there is no 上级编码 column', async () => {
    const csv = ['代码,指标名称,分值', '1,组织领导,10', '1.1,机制,6', '1.2,计划,4', '2,环境,5', '2.1,整洁,5'].join('\n');
    const s = await parseIndicatorFile(writeFile(dir, '点分编码.csv', csv));
    expect(s.indicators.map((i) => [i.code, i.parentCode])).toEqual([
      ['1', null],
      ['1.1', '1'],
      ['1.2', '1'],
      ['2', null],
      ['2.1', '2'],
    ]);
  });

  it('derives parents from fixed-width codes and keeps 12 beside 1 for plain numbers', async () => {
    const fixed = ['编码,名称', '01,组织', '0101,机制', '0102,计划', '02,环境'].join('\n');
    const s = await parseIndicatorFile(writeFile(dir, '定长编码.csv', fixed));
    expect(s.indicators.map((i) => i.parentCode)).toEqual([null, '01', '01', null]);
    const plain = ['编码,名称', ...Array.from({ length: 12 }, (_, i) => `${i + 1},第${i + 1}项`)].join('\n');
    const p = await parseIndicatorFile(writeFile(dir, '顺序编码.csv', plain));
    expect(p.indicators.every((i) => i.parentCode === null)).toBe(true);
  });

  it('puts children after their parent even when the sheet lists them first, and warns on duplicates', async () => {
    const csv = ['编码,名称,上级编码,分值', 'A1,机制,A,5', 'A,组织领导,,10', 'A2,计划,A,5', 'A2,计划（重复）,A,3'].join('\n');
    const s = await parseIndicatorFile(writeFile(dir, '乱序.csv', csv));
    expect(s.indicators.map((i) => i.code)).toEqual(['A', 'A1', 'A2', 'A2(2)']);
    expect(s.warnings).toContain('编码 A2 重复（第 4 行与第 5 行），后一项已改为 A2(2)，请核对');
    expect(s.warnings).toContain('“组织领导”（A）的分值为 10 分，但下级指标合计 13 分，请核对');
  });

  it('treats a 编号 that restarts in each category as numbering, not codes', async () => {
    const csv = ['编号,测评项目,测评内容,分值', '1,组织领导,机制,5', '2,,计划,5', '1,环境,整洁,5'].join('\n');
    const s = await parseIndicatorFile(writeFile(dir, '编号.csv', csv));
    expect(s.indicators.map((i) => [i.code, i.numbering, i.title])).toEqual([
      ['1', '', '组织领导'],
      ['1.1', '1', '机制'],
      ['1.2', '2', '计划'],
      ['2', '', '环境'],
      ['2.1', '1', '整洁'],
    ]);
  });
});

describe('other layouts', () => {
  it('nests numbered items under unnumbered category rows written into the 序号 column', async () => {
    const csv = ['序号,测评内容,分值', '组织领导（20分）,,', '1,成立领导小组,10', '2,定期研究,10', '否决项,,', '1,发生重大事故,一票否决'].join('\n');
    const s = await parseIndicatorFile(writeFile(dir, '类别行.csv', csv));
    expect(s.indicators.map((i) => [i.code, i.numbering, i.title, i.score, i.kind])).toEqual([
      ['1', '', '组织领导', 20, 'scored'],
      ['1.1', '1', '成立领导小组', 10, 'scored'],
      ['1.2', '2', '定期研究', 10, 'scored'],
      ['2', '', '否决项', null, 'veto'],
      ['2.1', '1', '发生重大事故', null, 'veto'],
    ]);
  });

  it('reads a score column next to each level, levels left to right, and a 总分 row', async () => {
    const csv = [
      '一级指标,分值,二级指标,分值,测评项目,测评内容,分值',
      '组织领导,20,机制,12,领导小组,成立领导小组,6',
      ',,,,,定期研究,6',
      ',,计划,8,年度计划,制定计划,8',
      '环境,10,整洁,10,办公区,无死角,10',
      '总分：30分,,,,,,',
    ].join('\n');
    const s = await parseIndicatorFile(writeFile(dir, '逐级分值.csv', csv));
    expect(countsPerLevel(s)).toEqual([2, 3, 3, 4]);
    expect(byTitle(s, '机制')).toMatchObject({ code: '1.1', score: 12 });
    expect(byTitle(s, '领导小组')).toMatchObject({ code: '1.1.1', score: 12 });
    expect(byTitle(s, '定期研究')).toMatchObject({ code: '1.1.1.2', score: 6 });
    expect(s.warnings).toEqual([]);
  });

  it('reads a two-row header (测评指标 over 一级指标 | 二级指标)', async () => {
    const file = await writeXlsx(dir, '双行表头.xlsx', [
      {
        rows: [
          ['序号', '测评指标', null, '测评内容', '分值'],
          [null, '一级指标', '二级指标', null, null],
          ['1', '组织领导', '机制', '成立领导小组', 5],
          ['2', null, null, '定期研究', 5],
        ],
        merges: ['A1:A2', 'B1:C1', 'D1:D2', 'E1:E2', 'B3:B4', 'C3:C4'],
      },
    ]);
    const s = await parseIndicatorFile(file);
    expect(s.indicators.map((i) => [i.code, i.numbering, i.title, i.score])).toEqual([
      ['1', '', '组织领导', 10],
      ['1.1', '', '机制', 10],
      ['1.1.1', '1', '成立领导小组', 5],
      ['1.1.2', '2', '定期研究', 5],
    ]);
  });

  it('nests by numbering inside a lone 测评内容 column; categories keep no content', async () => {
    const csv = ['测评内容,分值,测评方法', '一、组织领导（20分）,,', '1.成立小组,10,材料审核', '2.定期研究,10,材料审核', '二、环境（5分）,,', '（一）整洁,5,实地考察'].join('\n');
    const s = await parseIndicatorFile(writeFile(dir, '单列内容.csv', csv));
    expect(s.indicators.map((i) => [i.code, i.numbering, i.title, i.content, i.score])).toEqual([
      ['1', '一、', '组织领导', '', 20],
      ['1.1', '1.', '成立小组', '成立小组', 10],
      ['1.2', '2.', '定期研究', '定期研究', 10],
      ['2', '二、', '环境', '', 5],
      ['2.1', '（一）', '整洁', '整洁', 5],
    ]);
  });

  it('reads parents from the codes when the 上级编码 column is left empty', async () => {
    const csv = ['编码,名称,上级编码,分值', '1,组织,,10', '1.1,机制,,10'].join('\n');
    const s = await parseIndicatorFile(writeFile(dir, '空上级编码.csv', csv));
    expect(s.indicators.map((i) => [i.code, i.parentCode])).toEqual([
      ['1', null],
      ['1.1', '1'],
    ]);
  });
});
