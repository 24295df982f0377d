import { describe, expect, it } from 'vitest';
import { matchHeader, titleAbove } from '../../electron/core/indicators/import/header';
import { numberingCellStyle, splitNumbering, StyleLevels } from '../../electron/core/indicators/import/numbering';
import { parseCsv, sniffDelimiter } from '../../electron/core/indicators/import/readers/csvParse';
import { bonusPointsInText, kindMark, parseScoreCell, splitTitleScore } from '../../electron/core/indicators/import/score';
import { classifyRows } from '../../electron/core/indicators/import/rows';
import { MergeIndex } from '../../electron/core/indicators/import/merges';
import { cleanUnitText, takeUnitNote } from '../../electron/core/indicators/import/unitText';
import { splitMethods } from '../../electron/core/indicators/import/fields';

describe('CSV parsing', () => {
  it('handles quotes, doubled quotes, delimiters and line breaks inside quotes', () => {
    expect(parseCsv('a,"b,c","d ""e""",\r\n"x\ny",z', ',')).toEqual([
      ['a', 'b,c', 'd "e"', ''],
      ['x\ny', 'z'],
    ]);
  });

  it('keeps empty fields and does not add a row for a trailing line break', () => {
    expect(parseCsv(',,\n1,,\n', ',')).toEqual([
      ['', '', ''],
      ['1', '', ''],
    ]);
    expect(parseCsv('a\rb', ',')).toEqual([['a'], ['b']]);
  });

  it('picks the delimiter the file uses', () => {
    expect(sniffDelimiter('序号\t名称\t分值\n1\t组织\t5')).toBe('\t');
    expect(sniffDelimiter('序号;名称;分值\n1;"a,b";5')).toBe(';');
    expect(sniffDelimiter('序号,名称\n1,"a;b;c"')).toBe(',');
  });
});

describe('outline numbering', () => {
  it.each([
    ['第一部分 基础指标', '第一部分', 'di-部分', '基础指标'],
    ['一、组织领导', '一、', 'cn', '组织领导'],
    ['十二．环境', '十二．', 'cn', '环境'],
    ['（一）工作机制', '（一）', 'cn-paren', '工作机制'],
    ['(二) 制度', '(二)', 'cn-paren', '制度'],
    ['1.成立领导小组', '1.', 'arabic', '成立领导小组'],
    ['12、定期研究', '12、', 'arabic', '定期研究'],
    ['1.2.3 宣传阵地', '1.2.3', 'dotted-3', '宣传阵地'],
    ['（1）有计划', '（1）', 'arabic-paren', '有计划'],
    ['1）有记录', '1）', 'arabic-half-paren', '有记录'],
    ['①有照片', '①', 'circled', '有照片'],
    ['Ⅱ、环境', 'Ⅱ、', 'roman', '环境'],
    ['A.窗口服务', 'A.', 'latin-upper', '窗口服务'],
  ])('%s', (text, numbering, style, rest) => {
    expect(splitNumbering(text)).toEqual({ numbering, style, rest });
  });

  it('leaves titles that only look numbered alone', () => {
    for (const text of ['一票否决', '2024年工作计划', '1.5万人次参与', '三会一课', '十佳志愿者评选']) {
      expect(splitNumbering(text)).toBeNull();
    }
  });

  it('reads bare 序号 cells', () => {
    expect(numberingCellStyle('1')).toBe('arabic');
    expect(numberingCellStyle('一')).toBe('cn');
    expect(numberingCellStyle('1.2')).toBe('dotted-2');
    expect(numberingCellStyle('（三）')).toBe('cn-paren');
    expect(numberingCellStyle('A1')).toBe('other');
    expect(numberingCellStyle('')).toBeNull();
  });

  it('ranks styles by first appearance, returning to a known level', () => {
    const levels = new StyleLevels();
    expect(['cn', 'cn-paren', 'arabic', 'cn-paren', 'cn', 'arabic-paren'].map((s) => levels.levelOf(s))).toEqual([0, 1, 2, 1, 0, 3]);
  });
});

describe('column names', () => {
  it.each([
    ['测评项目', 'level', 1],
    ['一级指标', 'level', 1],
    ['二 级 指 标', 'level', 2],
    ['三级指标名称', 'level', 3],
    ['测评内容', 'content', undefined],
    ['内容与要求', 'content', undefined],
    ['测评标准', 'standard', undefined],
    ['要求', 'standard', undefined],
    ['测评方法', 'methods', undefined],
    ['测评方式', 'methods', undefined],
    ['分值（分）', 'score', undefined],
    ['分 值\n(分)', 'score', undefined],
    ['权重', 'score', undefined],
    ['序号', 'numbering', undefined],
    ['编码', 'code', undefined],
    ['代码', 'code', undefined],
    ['上级编码', 'parentCode', undefined],
    ['应备材料', 'materials', undefined],
    ['佐证材料', 'materials', undefined],
    ['责任单位', 'unit', undefined],
    ['指标名称', 'title', undefined],
    ['自评得分', 'ignored', undefined],
  ])('%s', (text, role, level) => {
    const m = matchHeader(text);
    expect(m?.role).toBe(role);
    expect(m?.level).toBe(level);
  });

  it('does not read long text or unknown words as column names', () => {
    expect(matchHeader('开展道德讲堂活动，宣传身边好人好事，有材料')).toBeNull();
    expect(matchHeader('组织领导')).toBeNull();
  });

  it('picks the title line above the header', () => {
    expect(titleAbove(['附件1', '某市文明单位测评体系', '（2024年版）'])).toBe('某市文明单位测评体系');
    expect(titleAbove(['附件2：某市文明校园测评细则'])).toBe('某市文明校园测评细则');
    expect(titleAbove(['说明：本表为示例', '2024'])).toBeNull();
  });
});

describe('scores and kinds', () => {
  it.each([
    ['10', 10, null],
    ['10分', 10, null],
    ['２.５', 2.5, null],
    ['10%', 10, null],
    ['1-3', 3, null],
    ['加1-3分', 3, 'bonus'],
    ['+2', 2, 'bonus'],
    ['一票否决', null, 'veto'],
    ['否决', null, 'veto'],
    ['—', null, null],
    ['', null, null],
  ])('%s', (text, score, kind) => {
    expect(parseScoreCell(text)).toEqual({ score, kind });
  });

  it('takes a printed score out of a title', () => {
    expect(splitTitleScore('组织领导（20分）')).toEqual({ title: '组织领导', score: 20, kind: null });
    expect(splitTitleScore('思想道德建设 (共 15 分)')).toEqual({ title: '思想道德建设', score: 15, kind: null });
    expect(splitTitleScore('加分项（最高加5分）')).toEqual({ title: '加分项', score: 5, kind: 'bonus' });
    expect(splitTitleScore('落实“三会一课”制度')).toEqual({ title: '落实“三会一课”制度', score: null, kind: null });
    expect(splitTitleScore('（20分）').title).toBe('（20分）');
  });

  it('finds bonus points in running text', () => {
    expect(bonusPointsInText('每获得一项市级表彰加1分，最高加3分')).toBe(3);
    expect(bonusPointsInText('未建立的扣2分')).toBeNull();
  });

  it('splits methods and drops veto/bonus words', () => {
    expect(splitMethods('材料审核、实地考察，问卷调查/网上申报,明察暗访')).toEqual(['材料审核', '实地考察', '问卷调查', '网上申报', '明察暗访']);
    expect(splitMethods('一票否决')).toEqual([]);
  });
});

describe('published wording (issue 12)', () => {
  it('recognises 繁体 column names and marker words through OpenCC', () => {
    expect(matchHeader('一級指標')).toEqual({ role: 'level', level: 1 });
    expect(matchHeader('測評方式')).toEqual({ role: 'methods' });
    expect(matchHeader('負責部門')).toEqual({ role: 'unit' });
    expect(matchHeader('提供材料部门')).toEqual({ role: 'unit' });
    expect(matchHeader('評分標準')).toEqual({ role: 'standard' });
    expect(matchHeader('检查要点')).toEqual({ role: 'standard' });
    expect(matchHeader('评分方法')).toEqual({ role: 'standard' });
    expect(matchHeader('考核方式')).toEqual({ role: 'methods' });
    expect(kindMark('否決項')).toBe('veto');
    expect(kindMark('加分項')).toBe('bonus');
  });

  it('reads numbering of every kind', () => {
    expect(['I、组织', 'II.文明', '1-1 领导', 'II-1 党建', '1）开展', '（一）组织', '第一節 總則'].map((t) => splitNumbering(t)?.numbering)).toEqual([
      'I、',
      'II.',
      '1-1',
      'II-1',
      '1）',
      '（一）',
      '第一節',
    ]);
    expect(splitNumbering('2024-2025年度工作')).toBeNull();
    expect(numberingCellStyle('II')).toBe(numberingCellStyle('Ⅲ'));
  });

  it('takes scores from text, but not a guess', () => {
    expect(splitTitleScore('党建工作（7分）')).toMatchObject({ title: '党建工作', score: 7 });
    expect(splitTitleScore('党建工作 4 分')).toMatchObject({ title: '党建工作', score: 4 });
    expect(splitTitleScore('主要领导亲自部署【7.5分】')).toMatchObject({ title: '主要领导亲自部署', score: 7.5 });
    expect(splitTitleScore('校园环境整洁优美（L5分）')).toMatchObject({ title: '校园环境整洁优美', score: null, doubtful: '（L5分）' });
    expect(splitTitleScore('每次扣 1 分').score).toBeNull();
    expect(parseScoreCell('L5分')).toEqual({ score: null, kind: null, doubtful: true });
    expect(parseScoreCell('2.5分')).toEqual({ score: 2.5, kind: null });
  });

  it('cleans 负责部门 cells to unit names', () => {
    expect(cleanUnitText('【提供材料部门：党办】')).toBe('党办');
    expect(cleanUnitText('牵头：办公室；配合：工会')).toBe('办公室、工会');
    expect(cleanUnitText('办公室（党办）')).toBe('办公室（党办）');
    expect(cleanUnitText('党办（牵头）、工会（配合）')).toBe('党办、工会');
    expect(cleanUnitText('党办\n工会、党办')).toBe('党办、工会');
    expect(takeUnitNote('开展活动。【提供材料部门：党办、工会】')).toEqual({ text: '开展活动。', unit: '党办、工会' });
  });

  it('knows 小计 and 合计 rows in their usual wordings', () => {
    const rows = [['一级指标', '分值'], ['合计（100分）', ''], ['本项小计', '15'], ['小 计：15分', ''], ['總計', '20']];
    const layout = { roleOf: new Map() } as unknown as Parameters<typeof classifyRows>[3];
    expect(classifyRows(rows, 1, rows[0], layout, new MergeIndex([])).map((c) => c.kind)).toEqual(['total', 'subtotal', 'subtotal', 'total']);
  });
});
