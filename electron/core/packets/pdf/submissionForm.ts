// The 测评材料提交表: one per 测评小项, in front of its materials. Layout after the form the
// 测评 material notices annex for each sub-item — e.g. 淮北市杜集区《关于全国文明城市测评材料
// 收集报送有关事项的通知》(2012-07-19, www.hbdjrd.gov.cn/content/detail/572aaa872c48cb0fc312533a.html:
// “对照测评标准，每一测评小项单独填写一份《测评材料提交表》（见附件1）”, with its rules for the
// 结论性说明) and 丽江市《测评材料审核提交表》(2013): the item (编码, 名称), what is measured and the
// standard, points and self-score, the unit's 结论性说明, the numbered list of supporting materials,
// and who provided them. We add the 档号 and page numbers of each material, which our packet knows.
import type { Filing, PlanSection } from '../plan';
import type { PageFlow } from './flow';
import { FormTable, type LaterSlot } from './formTable';
import { labels, scoreText } from './labels';
import { CONTENT_WIDTH } from './layout';
import { colors } from './text';

export const formLabels = {
  heading: '测评材料提交表',
  code: '指标编码',
  name: '指标名称',
  content: '测评内容',
  standard: '测评标准',
  score: '分值',
  selfScore: '自评得分',
  statement: '结论性说明',
  materials: '佐证材料',
  seq: '序号',
  title: '材料题名',
  code2: '档号',
  pages: '页数',
  at: '页码',
  unit: '提供部门',
  person: '联系人',
  noMaterials: '（本项未提交材料）',
  noStatement: '（未填写）',
} as const;

/** A cell whose text is known only once the filing's pages are: 页数 or 页码. */
export interface LaterCell {
  filing: Filing;
  what: 'count' | 'range';
  slot: LaterSlot;
}

const W = CONTENT_WIDTH;
const LABEL = 78;
const HALF = (W - LABEL * 2) / 2;
const LIST = { seq: 34, code: 112, pages: 38, at: 62 };
const LIST_TITLE = W - LIST.seq - LIST.code - LIST.pages - LIST.at;

function nameOf(section: PlanSection): string {
  const ind = section.indicator;
  const kind = ind.kind === 'veto' ? '（一票否决项）' : ind.kind === 'bonus' ? `（${labels.bonus}）` : '';
  return `${ind.title}${kind}`;
}

function materialsHeading(section: PlanSection): string {
  return `${formLabels.materials}（${section.filings.length} 件）`;
}

/** Every character the form may draw, by weight (the font subset is made from these). */
export function submissionFormText(section: PlanSection): { regular: string; bold: string } {
  const ind = section.indicator;
  return {
    regular: [
      `${labels.indicator} ${ind.code}`,
      ind.code,
      nameOf(section),
      ind.content,
      ind.standard,
      ind.score === null ? '' : scoreText(ind.score),
      section.selfScore,
      section.statement,
      ind.responsibleUnit,
      ind.responsiblePerson,
      formLabels.noMaterials,
      formLabels.noStatement,
      ...section.filings.map((f) => `${f.code}${f.material.title}`),
    ].join(''),
    bold: [...Object.values(formLabels), materialsHeading(section)].join(''),
  };
}

/** Draw the form; returns the cells (页数, 页码) to fill once the materials' pages are known. */
export function drawSubmissionForm(flow: PageFlow, section: PlanSection): LaterCell[] {
  const ind = section.indicator;
  const later: LaterCell[] = [];
  flow.nextPage();
  flow.gap(8);
  flow.paragraph(`${labels.indicator} ${ind.code}`, { size: 10, color: colors.muted });
  flow.paragraph(formLabels.heading, { size: 20, weight: 'bold', align: 'center', leading: 1.8 });
  flow.gap(10);
  const t = new FormTable(flow);
  const label = (text: string, width = LABEL) => ({ text, width, label: true });
  const value = (text: string, width: number) => ({ text, width });
  t.row([label(formLabels.code), value(ind.code, HALF), label(formLabels.name), value(nameOf(section), HALF)], 26);
  t.row([label(formLabels.content), value(ind.content, W - LABEL)], 40);
  t.row([label(formLabels.standard), value(ind.standard, W - LABEL)], 40);
  t.row(
    [label(formLabels.score), value(ind.score === null ? '—' : scoreText(ind.score), HALF), label(formLabels.selfScore), value(section.selfScore || '—', HALF)],
    26,
  );
  t.row([label(formLabels.statement), value(section.statement || formLabels.noStatement, W - LABEL)], 130);
  t.row([label(materialsHeading(section), W)], 22);
  if (section.filings.length === 0) {
    t.row([{ text: formLabels.noMaterials, width: W, align: 'center' }], 26);
  } else {
    t.row([label(formLabels.seq, LIST.seq), label(formLabels.title, LIST_TITLE), label(formLabels.code2, LIST.code), label(formLabels.pages, LIST.pages), label(formLabels.at, LIST.at)]);
    section.filings.forEach((filing, i) => {
      t.row([
        { text: String(i + 1), width: LIST.seq, align: 'center' },
        value(filing.material.title, LIST_TITLE),
        value(filing.code, LIST.code),
        { text: '', width: LIST.pages, later: (slot) => later.push({ filing, what: 'count', slot }) },
        { text: '', width: LIST.at, later: (slot) => later.push({ filing, what: 'range', slot }) },
      ]);
    });
  }
  t.row([label(formLabels.unit), value(ind.responsibleUnit, HALF), label(formLabels.person), value(ind.responsiblePerson, HALF)], 26);
  return later;
}

/** “12” for one page, “12-15” for several. */
export function pageRangeText(start: number, count: number): string {
  return count <= 1 ? String(start) : `${start}-${start + count - 1}`;
}
