import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIndicatorFile } from '../../electron/core/indicators/import';
import { samplesDir } from './fixtures';
import { byTitle, childrenOf, countsPerLevel, isLeaf, sumScores } from './helpers';

describe('shared sample: 文明校园测评体系（示例）.xlsx (three levels, merged cells)', () => {
  const load = () => parseIndicatorFile(path.join(samplesDir, '文明校园测评体系（示例）.xlsx'));

  it('builds 一级 → 二级 → 测评内容 with merged category cells', async () => {
    const s = await load();
    expect(s.name).toBe('文明校园测评体系（示例）'); // no title row: the file name
    // 6 categories + 加分项 + 否决项; 12 二级 + the bonus and veto items; 22 content rows.
    expect(countsPerLevel(s)).toEqual([8, 14, 22]);
    expect(s.indicators).toHaveLength(44);
    expect(childrenOf(s, null).map((i) => i.title)).toEqual([
      '领导班子建设',
      '思想道德建设',
      '活动阵地建设',
      '教师队伍建设',
      '校园文化建设',
      '校园环境建设',
      '加分项',
      '否决项',
    ]);
    expect(childrenOf(s, '1').map((i) => i.title)).toEqual(['班子建设', '创建机制']);
    expect(childrenOf(s, '3.2').map((i) => i.title)).toEqual(['校园网站内容健康，过滤不良信息，展示正能量']);
    expect(s.warnings).toEqual([]);
  });

  it('scores: leaves as printed, categories as the sum of their items (64 in all)', async () => {
    const s = await load();
    const scored = s.indicators.filter((i) => i.kind === 'scored');
    expect(sumScores(scored.filter((i) => isLeaf(s, i)))).toBe(64);
    const top = childrenOf(s, null).filter((i) => i.kind === 'scored');
    expect(top.map((i) => i.score)).toEqual([10, 12, 8, 12, 9, 13]);
    expect(sumScores(top)).toBe(64);
    expect(byTitle(s, '班子建设').score).toBe(6);
    expect(byTitle(s, '网络阵地').score).toBe(3);
  });

  it('reads content, methods and materials of an item', async () => {
    const s = await load();
    const item = byTitle(s, '社会主义核心价值观进教材、进课堂、进头脑');
    expect(item.code).toBe('2.1.1');
    expect(item.parentCode).toBe('2.1');
    expect(item.content).toBe('社会主义核心价值观进教材、进课堂、进头脑');
    expect(item.methods).toEqual(['材料审核', '实地考察']);
    expect(item.score).toBe(4);
    expect(item.requiredMaterials).toBe('教案、课表、照片');
  });

  it('marks the bonus (加1-3分) and veto (一票否决) items', async () => {
    const s = await load();
    const bonus = s.indicators.filter((i) => i.kind === 'bonus');
    const veto = s.indicators.filter((i) => i.kind === 'veto');
    expect(bonus.map((i) => [i.code, i.title, i.score])).toEqual([
      ['7', '加分项', 3],
      ['7.1', '获得市级以上文明创建相关表彰', 3],
    ]);
    expect(veto.map((i) => [i.code, i.title, i.score])).toEqual([
      ['8', '否决项', null],
      ['8.1', '发生重大校园安全责任事故', null],
    ]);
    expect(byTitle(s, '发生重大校园安全责任事故').methods).toEqual([]);
  });
});

describe('shared sample: 国家卫生城市评分表（示例）.docx (category rows spanning the table)', () => {
  const load = () => parseIndicatorFile(path.join(samplesDir, '国家卫生城市评分表（示例）.docx'));

  it('takes the heading above the table as the name and skips the 说明 line', async () => {
    const s = await load();
    expect(s.name).toBe('国家卫生城市（区）标准评分表（示例节选）');
  });

  it('builds 3 categories with 3 items each, scores 10 + 12 + 18 = 40', async () => {
    const s = await load();
    expect(countsPerLevel(s)).toEqual([3, 9]);
    const top = childrenOf(s, null);
    expect(top.map((i) => [i.code, i.numbering, i.title, i.score])).toEqual([
      ['1', '一、', '爱国卫生组织管理', 10],
      ['2', '二、', '健康教育和健康促进', 12],
      ['3', '三、', '市容环境卫生', 18],
    ]);
    expect(sumScores(top)).toBe(40);
    for (const category of top) expect(sumScores(childrenOf(s, category.code))).toBe(category.score);
    expect(s.indicators.every((i) => i.kind === 'scored')).toBe(true);
    expect(s.warnings).toEqual([]);
  });

  it('keeps the 序号 of items and uses 内容与要求 as title and content', async () => {
    const s = await load();
    const items = s.indicators.filter((i) => i.parentCode !== null);
    expect(items.map((i) => i.numbering)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const item = items[4];
    expect(item).toMatchObject({ code: '2.2', parentCode: '2', title: '公共场所全面禁烟，设置禁烟标识', score: 4 });
    expect(item.content).toBe('公共场所全面禁烟，设置禁烟标识');
  });
});

describe('shared sample: 简易测评体系（示例）.csv (flat, with codes)', () => {
  const load = () => parseIndicatorFile(path.join(samplesDir, '简易测评体系（示例）.csv'));

  it('keeps the sheet’s own codes and parents: 3 categories, 6 items, 100 points', async () => {
    const s = await load();
    expect(s.name).toBe('简易测评体系（示例）');
    expect(countsPerLevel(s)).toEqual([3, 6]);
    expect(s.indicators.map((i) => [i.code, i.parentCode])).toEqual([
      ['A', null],
      ['A1', 'A'],
      ['A2', 'A'],
      ['B', null],
      ['B1', 'B'],
      ['B2', 'B'],
      ['C', null],
      ['C1', 'C'],
      ['C2', 'C'],
    ]);
    const top = childrenOf(s, null);
    expect(top.map((i) => i.score)).toEqual([20, 30, 50]);
    expect(sumScores(top)).toBe(100);
    expect(sumScores(s.indicators.filter((i) => i.parentCode !== null))).toBe(100);
    expect(s.indicators.some((i) => i.kind !== 'scored')).toBe(false);
    expect(s.warnings).toEqual([]);
  });

  it('reads titles and methods', async () => {
    const s = await load();
    expect(byTitle(s, '办公环境整洁')).toMatchObject({ code: 'C1', score: 25, methods: ['实地考察'] });
    expect(byTitle(s, '组织领导').methods).toEqual([]);
  });
});
