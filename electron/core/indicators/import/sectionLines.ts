import type { DraftNode } from './draft';
import { splitNumbering } from './numbering';
import { absorb, addItem, contextKind, isHeading, opensSection, startSection, type SectionKind } from './sectionParts';
import type { RawTable } from './table';
import { fold, oneLine } from './text';

const NOTE_LINE = /^(注|说明|备注|附注|附[:：]|填表说明|填报说明)/;

/**
 * Paragraphs after a Word table: a line naming 否决/加分 (a heading or “有下列情形之一的，不得申报：”)
 * opens a section, the numbered lines after it are its items, the first unnumbered line ends it.
 */
export function linesSections(table: RawTable): DraftNode[] {
  const out: DraftNode[] = [];
  let current: { node: DraftNode; kind: SectionKind; style: string | null } | null = null;
  for (const row of table.rows) {
    const line = oneLine(row.find((c) => c.trim() !== '') ?? '');
    if (!line) continue;
    // “注：…实行一票否决” explains the table; it opens no section, and ends one.
    if (NOTE_LINE.test(fold(line))) {
      current = null;
      continue;
    }
    const nm = splitNumbering(line);
    if (current && nm?.rest && (current.style === null || current.style === nm.style) && !(current.node.children.length === 0 && isHeading(line))) {
      current.style = nm.style;
      addItem(current.node, nm.rest, nm.numbering);
      continue;
    }
    const kind = opensSection(line) ? contextKind(line) : null;
    if (kind) {
      if (!current || current.kind !== kind || current.node.children.length > 0) {
        current = { node: startSection(kind), kind, style: null };
        out.push(current.node);
      }
      absorb(current.node, line, kind);
      continue;
    }
    if (current && current.node.children.length > 0) current = null;
  }
  return out.filter((s) => s.children.length > 0);
}
