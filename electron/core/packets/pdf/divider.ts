import type { PlanSection } from '../plan';
import type { PageFlow } from './flow';
import { countText, formatDate, labels, scoreText } from './labels';
import { colors } from './text';

interface DividerContent {
  header: string;
  title: string;
  fields: { label: string; value: string }[];
}

/** What an indicator's divider page says; also the text the font subset must cover. */
export function dividerContent(section: PlanSection): DividerContent {
  const ind = section.indicator;
  const kind = ind.kind === 'veto' ? labels.veto : ind.kind === 'bonus' ? labels.bonus : '';
  const numbered = section.filings.map((f, i) => {
    const date = formatDate(f.material.date);
    return `${i + 1}. ${f.material.title}${date ? `（${date}）` : ''}`;
  });
  let filed: string;
  if (section.filings.length > 0) filed = [countText(section.filings.length), ...numbered].join('\n');
  else filed = section.isLeaf ? labels.none : labels.noneBranch;
  return {
    header: `${labels.indicator} ${ind.code}`,
    // The code, as the 目录 and the bookmarks print it (a sheet's running 序号 would contradict them).
    title: `${ind.code} ${ind.title}`,
    fields: [
      { label: labels.content, value: ind.content },
      { label: labels.standard, value: ind.standard },
      { label: labels.score, value: ind.score === null ? '' : scoreText(ind.score) },
      { label: labels.selfScore, value: section.selfScore },
      { label: labels.kind, value: kind },
      { label: labels.methods, value: ind.methods.join(labels.listSeparator) },
      { label: labels.required, value: ind.requiredMaterials },
      { label: labels.filed, value: filed },
    ],
  };
}

export function dividerText(section: PlanSection): { regular: string; bold: string } {
  const c = dividerContent(section);
  return {
    regular: [c.header, ...c.fields.map((f) => f.value)].join(''),
    bold: [c.title, ...c.fields.map((f) => f.label)].join(''),
  };
}

/** The divider: which indicator follows, and what it asks for. May run over several pages. */
export function drawDivider(flow: PageFlow, section: PlanSection): void {
  const c = dividerContent(section);
  flow.nextPage();
  flow.gap(40);
  flow.paragraph(c.header, { size: 12, color: colors.muted });
  flow.gap(6);
  flow.paragraph(c.title, { size: 20, weight: 'bold', leading: 1.45 });
  flow.gap(8);
  flow.rule();
  flow.gap(10);
  for (const field of c.fields) flow.field(field.label, field.value);
}
