import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { PDFDocument, type PDFPage } from 'pdf-lib';
import type { Archive } from '../../archive/archive';
import type { HtmlRenderer } from '../../render/htmlRenderer';
import { padSeq } from '../naming';
import type { PacketPlan } from '../plan';
import { catalogueText, drawCatalogue, layoutCatalogue, type CatalogueEntry } from './catalogue';
import { coverInfo, coverText, drawCover } from './cover';
import { dividerText, drawDivider } from './divider';
import { appendFiling } from './filingContent';
import { PageFlow } from './flow';
import { embedNotoSubset, relabelAsOpenType } from './fonts';
import { labels, labelText, reasons } from './labels';
import { A4 } from './layout';
import { addOutline, type OutlineNode } from './outline';
import { addPageNumbers } from './pageNumbers';
import { captionLines } from './photo';
import { placeholderText, type LocateOriginal } from './placeholder';
import { PacketFonts } from './text';

export interface PdfBuildInput {
  plan: PacketPlan;
  archive: Archive;
  renderer: HtmlRenderer | null;
  locate: LocateOriginal;
  signal: AbortSignal;
  /** Called before each filing with its title, and once after the last with null. */
  progress(done: number, total: number, title: string | null): void;
  now?: Date;
}

/** Where a filing sits in the packet, 1-based physical page numbers. */
export interface FilingPages {
  start: number;
  count: number;
  /** Why a placeholder page stands in for the content, if one does. */
  reason: string | null;
}

export interface PdfBuildResult {
  bytes: Uint8Array;
  pageCount: number;
  /** By filing seq. */
  pages: Map<number, FilingPages>;
  notices: { title: string; reason: string }[];
}

function catalogueEntries(plan: PacketPlan): CatalogueEntry[] {
  const entries: CatalogueEntry[] = [];
  for (const section of plan.sections) {
    const ind = section.indicator;
    entries.push({ level: ind.depth - 1, text: `${ind.code} ${ind.title}`, bold: ind.depth === 1 });
    for (const f of section.filings) {
      entries.push({ level: ind.depth, text: `${padSeq(f.seq, plan.filings.length)} ${f.material.title}`, bold: false });
    }
  }
  return entries;
}

/**
 * Every character the generated pages can draw, per weight. Collected from the same functions
 * that compose the pages, before any page exists, because the font is subset to exactly these.
 */
function collectText(plan: PacketPlan, entries: CatalogueEntry[], cover: ReturnType<typeof coverInfo>, locate: LocateOriginal) {
  const regular: string[] = [labelText, coverText(cover).regular, catalogueText(entries).regular];
  const bold: string[] = [labelText, coverText(cover).bold, catalogueText(entries).bold];
  for (const section of plan.sections) {
    const d = dividerText(section);
    regular.push(d.regular);
    bold.push(d.bold);
  }
  for (const filing of plan.filings) {
    const p = placeholderText(filing, locate(filing));
    regular.push(p.regular, ...captionLines(filing.material));
    bold.push(p.bold);
  }
  return { regular: regular.join(''), bold: bold.join('') };
}

/**
 * The packet PDF in two passes: content first (dividers, then each filing's pages), so every
 * start page is known; then the catalogue, whose length is fixed before its numbers are drawn,
 * goes in front together with the cover.
 */
export async function buildPacketPdf(input: PdfBuildInput): Promise<PdfBuildResult> {
  const { plan, signal } = input;
  const cover = coverInfo(plan.title, plan.dossier.unit, input.now);
  const entries = catalogueEntries(plan);
  const text = collectText(plan, entries, cover, input.locate);

  const doc = await PDFDocument.create();
  const fonts = new PacketFonts(
    await embedNotoSubset(doc, 'regular', text.regular),
    await embedNotoSubset(doc, 'bold', text.bold),
  );
  const flow = new PageFlow(() => doc.addPage([A4.width, A4.height]), fonts);
  const ctx = { doc, flow, archive: input.archive, renderer: input.renderer, locate: input.locate };

  // Pass 1: content. Page indexes here are 0-based within the content.
  const entryTarget: number[] = [];
  const contentPages = new Map<number, FilingPages>();
  const outlineByIndicator = new Map<number, OutlineNode>();
  const roots: OutlineNode[] = [];
  const opaque = new Set<PDFPage>();
  const notices: PdfBuildResult['notices'] = [];
  let done = 0;
  for (const section of plan.sections) {
    signal.throwIfAborted();
    entryTarget.push(doc.getPageCount());
    drawDivider(flow, section);
    const node: OutlineNode = {
      title: `${section.indicator.code} ${section.indicator.title}`,
      page: doc.getPage(entryTarget[entryTarget.length - 1]),
      children: [],
      open: section.indicator.depth === 1,
    };
    outlineByIndicator.set(section.indicator.id, node);
    const parent = section.indicator.parentId === null ? undefined : outlineByIndicator.get(section.indicator.parentId);
    (parent ? parent.children : roots).push(node);

    for (const filing of section.filings) {
      signal.throwIfAborted();
      input.progress(done, plan.filings.length, filing.material.title);
      await yieldToLoop();
      const start = doc.getPageCount();
      const outcome = await appendFiling(ctx, filing);
      entryTarget.push(start);
      const reason = outcome.reason ? reasons[outcome.reason] : null;
      contentPages.set(filing.seq, { start, count: outcome.pages.length, reason });
      if (outcome.copied) for (const page of outcome.pages) opaque.add(page);
      if (reason) notices.push({ title: filing.material.title, reason });
      node.children.push({ title: filing.material.title, page: outcome.pages[0], children: [], open: false });
      done += 1;
    }
  }
  signal.throwIfAborted();
  input.progress(done, plan.filings.length, null);

  // Pass 2: cover and catalogue in front; every content page shifts by their count.
  const layout = layoutCatalogue(entries, fonts);
  const front = 1 + layout.pages.length;
  drawCover(doc.insertPage(0, [A4.width, A4.height]), fonts, cover);
  const cataloguePages = layout.pages.map((_, i) => doc.insertPage(1 + i, [A4.width, A4.height]));
  drawCatalogue(cataloguePages, layout, fonts, (entry) => entryTarget[entry] + front + 1);

  addPageNumbers(doc, fonts, opaque);
  addOutline(doc, [{ title: labels.catalogueBookmark, page: cataloguePages[0], children: [], open: false }, ...roots]);

  doc.setTitle(plan.title, { showInWindowTitleBar: true });
  doc.setAuthor(plan.dossier.unit || plan.dossier.name);
  doc.setSubject(`${plan.dossier.name}${labels.packetSuffix}`);
  doc.setCreator('Dossier 创建档案管家');
  doc.setProducer('Dossier 创建档案管家 (pdf-lib)');
  doc.setLanguage('zh-CN');
  const now = input.now ?? new Date();
  doc.setCreationDate(now);
  doc.setModificationDate(now);

  await doc.flush();
  relabelAsOpenType(doc, fonts.regular.font);
  relabelAsOpenType(doc, fonts.bold.font);
  // No form-field pass: the packet has no fields, and the pass would add an empty /AcroForm.
  const bytes = await doc.save({ useObjectStreams: true, updateFieldAppearances: false });

  const pages = new Map<number, FilingPages>();
  for (const [seq, p] of contentPages) pages.set(seq, { ...p, start: p.start + front + 1 });
  return { bytes, pageCount: doc.getPageCount(), pages, notices };
}
