import { materialKindLabels } from '../../../../shared/domain';
import type { Filing } from '../plan';
import type { PageFlow } from './flow';
import { labels, reasons, sizeText, type ReasonKey } from './labels';
import { colors } from './text';

/** Where the original can be found: its place in the folder export, or null if none is made. */
export type LocateOriginal = (filing: Filing) => string | null;

function placeholderFields(filing: Filing, reason: ReasonKey, location: string | null) {
  const m = filing.material;
  return [
    { label: labels.title, value: m.title },
    { label: labels.materialKind, value: `${materialKindLabels[m.kind]}（${m.mediaType}）` },
    { label: labels.originalName, value: m.originalName },
    { label: labels.size, value: sizeText(m.size) },
    { label: labels.location, value: location ?? `${labels.notExported}\n${labels.sha256}${labels.separator}${m.sha256}` },
    { label: labels.why, value: reasons[reason] },
  ];
}

/** Text of the page for any reason (reasons themselves come from labels). */
export function placeholderText(filing: Filing, location: string | null): { regular: string; bold: string } {
  const fields = placeholderFields(filing, 'other', location);
  return {
    regular: fields.map((f) => f.value).join('') + labels.keptNote,
    bold: labels.placeholderHeading + filing.material.title + fields.map((f) => f.label).join(''),
  };
}

/** One page standing in for a material whose content cannot be shown: what it is and why. */
export function drawPlaceholder(flow: PageFlow, filing: Filing, reason: ReasonKey, location: string | null): void {
  flow.nextPage();
  flow.gap(30);
  flow.paragraph(labels.placeholderHeading, { size: 12, color: colors.muted });
  flow.gap(4);
  flow.paragraph(filing.material.title, { size: 18, weight: 'bold', leading: 1.45 });
  flow.rule();
  flow.gap(8);
  for (const field of placeholderFields(filing, reason, location)) flow.field(field.label, field.value);
  flow.gap(8);
  flow.paragraph(labels.keptNote, { size: 10, color: colors.muted });
}
