import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { PDFDocument, type PDFPage } from 'pdf-lib';
import type { Archive } from '../../archive/archive';
import type { HtmlRenderer } from '../../render/htmlRenderer';
import { printConcurrency } from '../../render/pool';
import { writePdfFile } from '../../pdfRepair/pdfFileWriter';
import { PACKET_SAVE_OPTIONS } from '../../pdfRepair/pdfLibPacing';
import type { PacketPlan } from '../plan';
import { catalogueText, drawCatalogue, layoutCatalogue, type CatalogueEntry } from './catalogue';
import { coverInfo, coverText, drawCover, type CoverInfo } from './cover';
import { drawStamp, drawWatermark } from './decorations';
import { dividerText, drawDivider } from './divider';
import { appendFiling, isPrinted, printFiling, type FilingContext } from './filingContent';
import { PrintAhead } from './printAhead';
import { PageFlow } from './flow';
import { embedNotoSubset, relabelAsOpenType } from './fonts';
import { ocrTextOf } from '../../ocr/ocrStore';
import { groupPhotoText, labels, labelText, reasons, volumeText } from './labels';
import { A4 } from './layout';
import { addOutline, type OutlineNode } from './outline';
import { addPageNumbers } from './pageNumbers';
import { captionLines, IMAGE_PRESETS, type ImagePreset } from './photo';
import { PhotoSheet } from './photoSheet';
import { mediaPageText } from './mediaPage';
import { placeholderText, type LocateOriginal } from './placeholder';
import { drawSubmissionForm, pageRangeText, submissionFormText, type LaterCell } from './submissionForm';
import { drawLine as drawTextLine, PacketFonts } from './text';

export interface PdfBuildInput {
  plan: PacketPlan;
  archive: Archive;
  renderer: HtmlRenderer | null;
  locate: LocateOriginal;
  signal: AbortSignal;
  /** Called before each filing with its title, and once after the last with null. */
  progress(done: number, total: number, title: string | null): void;
  /** Photo size and quality; default from the packet's layout. */
  preset?: ImagePreset;
  /** Set when this PDF is one volume of a split packet. */
  volume?: { index: number; count: number };
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
  /** Saves the PDF into `file` (which must not exist), object by object: a volume is never held twice. Its size. */
  writeTo: (file: string) => Promise<number>;
  /** The PDF in one buffer: for the small 网上申报 files, whose size picks their photo preset. */
  toBytes: () => Promise<Uint8Array>;
  pageCount: number;
  /** By filing seq. */
  pages: Map<number, FilingPages>;
  notices: { title: string; reason: string }[];
  /** Content taken in: photos after downscaling, PDFs as merged (for the size report). */
  inputBytes: number;
}

function catalogueEntries(plan: PacketPlan): CatalogueEntry[] {
  const entries: CatalogueEntry[] = [];
  for (const section of plan.sections) {
    const ind = section.indicator;
    entries.push({ level: ind.depth - 1, text: `${ind.code} ${ind.title}`, bold: ind.depth === 1 });
    for (const f of section.filings) entries.push({ level: ind.depth, text: `${f.code} ${f.material.title}`, bold: false });
  }
  return entries;
}

/**
 * Every character the generated pages can draw, per weight. Collected from the same functions
 * that compose the pages, before any page exists, because the font is subset to exactly these.
 */
function collectText(plan: PacketPlan, entries: CatalogueEntry[], cover: CoverInfo, locate: LocateOriginal) {
  const regular: string[] = [labelText, coverText(cover).regular, catalogueText(entries).regular, plan.definition.layout.watermark];
  const bold: string[] = [labelText, coverText(cover).bold, catalogueText(entries).bold];
  for (const section of plan.sections) {
    const d = section.isLeaf ? submissionFormText(section) : dividerText(section);
    regular.push(d.regular);
    bold.push(d.bold);
  }
  for (const filing of plan.filings) {
    const p = placeholderText(filing, locate(filing));
    const media = filing.source.type === 'media' ? mediaPageText(filing, locate(filing)) : { regular: '', bold: '' };
    const a = filing.archival;
    regular.push(p.regular, media.regular, ...captionLines(filing.material), a.fonds, a.year, a.retention, a.item);
    for (const photo of filing.material.photos ?? []) regular.push(...captionLines(filing.material, photo.caption, photo.takenAt), groupPhotoText(1, 1));
    bold.push(p.bold, media.bold);
  }
  return { regular: regular.join(''), bold: bold.join('') };
}

/**
 * The packet PDF in two passes: content first (dividers, then each filing's pages), so every
 * start page is known; then the catalogue, whose length is fixed before its numbers are drawn,
 * goes in front together with the cover. Watermark, 归档章 and page numbers go on last.
 */
export async function buildPacketPdf(input: PdfBuildInput): Promise<PdfBuildResult> {
  const { plan, signal } = input;
  const { layout, cover: coverDef, archivalCode } = plan.definition;
  const now = input.now ?? new Date();
  const volume = input.volume && input.volume.count > 1 ? volumeText(input.volume.index, input.volume.count) : '';
  const cover = coverInfo(plan.title, coverDef.unit.trim() || plan.dossier.unit, coverDef.date, volume, now);
  const entries = catalogueEntries(plan);
  const text = collectText(plan, entries, cover, input.locate);
  // The invisible OCR text layer of scanned pages is drawn with the regular font.
  text.regular += ocrTextOf(input.archive.db, plan.filings.map((f) => f.material.sha256));

  // Named before the fonts are subset (seconds for a large packet): the clerk sees what comes first.
  const firstFiling = plan.sections.find((sec) => sec.filings.length)?.filings[0];
  if (firstFiling) input.progress(0, plan.filings.length, firstFiling.material.title);
  const doc = await PDFDocument.create();
  const fonts = new PacketFonts(
    await embedNotoSubset(doc, 'regular', text.regular),
    await embedNotoSubset(doc, 'bold', text.bold),
  );
  const flow = new PageFlow(() => doc.addPage([A4.width, A4.height]), fonts);
  const notices: PdfBuildResult['notices'] = [];
  const ctx: FilingContext = {
    doc,
    flow,
    photos: new PhotoSheet(doc, fonts, layout.photosPerPage),
    preset: input.preset ?? IMAGE_PRESETS[layout.imageQuality],
    archive: input.archive,
    renderer: input.renderer,
    locate: input.locate,
    stats: { inputBytes: 0 },
    notice: (title, reason) => notices.push({ title, reason }),
    signal,
  };
  const renderer = input.renderer;
  if (renderer) {
    // Twice the pages the browser prints at once: one batch printing while the last is merged.
    ctx.printAhead = new PrintAhead(plan.sections.flatMap((s) => s.filings), (f) => printFiling(input.archive, f, renderer), isPrinted, 2 * printConcurrency());
    ctx.printAhead.prime();
  }

  // Pass 1: content. Page indexes here are 0-based within the content.
  const entryTarget: number[] = [];
  const contentPages = new Map<number, FilingPages>();
  const outlineByIndicator = new Map<number, OutlineNode>();
  const roots: OutlineNode[] = [];
  const opaque = new Set<PDFPage>();
  const stamps: { page: PDFPage; seq: number; count: number }[] = [];
  const laterCells: LaterCell[] = [];
  const stampedPhotoPages = new Set<PDFPage>();
  let done = 0;
  for (const section of plan.sections) {
    signal.throwIfAborted();
    ctx.photos.close();
    entryTarget.push(doc.getPageCount());
    // A 测评小项 opens with its 测评材料提交表; a category with a divider naming what follows.
    if (section.isLeaf) laterCells.push(...drawSubmissionForm(flow, section));
    else drawDivider(flow, section);
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
      const outcome = await appendFiling(ctx, filing);
      entryTarget.push(outcome.start);
      const reason = outcome.reason ? reasons[outcome.reason] : null;
      contentPages.set(filing.seq, { start: outcome.start, count: outcome.pages.length, reason });
      if (outcome.copied) for (const page of outcome.pages) opaque.add(page);
      if (reason) notices.push({ title: filing.material.title, reason });
      else if (outcome.document) stamps.push({ page: outcome.pages[0], seq: filing.seq, count: outcome.pages.length });
      else {
        // Photo pages carry the 归档章 too, each page once: the first photo on it names the 档号.
        for (const page of outcome.pages) {
          if (stampedPhotoPages.has(page)) continue;
          stampedPhotoPages.add(page);
          stamps.push({ page, seq: filing.seq, count: outcome.pages.length });
        }
      }
      node.children.push({ title: filing.material.title, page: outcome.pages[0], children: [], open: false });
      done += 1;
    }
  }
  signal.throwIfAborted();
  input.progress(done, plan.filings.length, null);

  // Pass 2: cover and catalogue in front; every content page shifts by their count.
  const catalogue = layout.catalogue ? layoutCatalogue(entries, fonts) : { pages: [] };
  const front = 1 + catalogue.pages.length;
  drawCover(doc.insertPage(0, [A4.width, A4.height]), fonts, cover);
  const cataloguePages = catalogue.pages.map((_, i) => doc.insertPage(1 + i, [A4.width, A4.height]));
  if (layout.catalogue) drawCatalogue(cataloguePages, catalogue, fonts, (entry) => entryTarget[entry] + front + 1);

  for (const cell of laterCells) {
    const at = contentPages.get(cell.filing.seq);
    if (!at) continue;
    const text = cell.what === 'count' ? String(at.count) : pageRangeText(at.start + front + 1, at.count);
    const style = { size: 10.5 };
    const w = fonts.width(text, style);
    drawTextLine(cell.slot.page, fonts, text, cell.slot.x + Math.max(0, (cell.slot.width - w) / 2), cell.slot.y, style);
  }

  if (archivalCode.stamp) {
    const bySeq = new Map(plan.filings.map((f) => [f.seq, f]));
    for (const s of stamps) drawStamp(s.page, fonts, bySeq.get(s.seq)!.archival, s.count);
  }
  if (layout.watermark.trim()) {
    for (let i = 1; i < doc.getPageCount(); i += 1) drawWatermark(doc.getPage(i), fonts, layout.watermark.trim());
  }
  if (layout.pageNumbers) addPageNumbers(doc, fonts, opaque);
  const catalogueBookmark: OutlineNode[] = cataloguePages.length
    ? [{ title: labels.catalogueBookmark, page: cataloguePages[0], children: [], open: false }]
    : [];
  addOutline(doc, [...catalogueBookmark, ...roots]);

  const title = volume ? `${plan.title}（${volume}）` : plan.title;
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setAuthor(cover.unit || plan.dossier.name);
  doc.setSubject(`${plan.dossier.name}${labels.packetSuffix}`);
  doc.setCreator('Dossier 创建档案管家');
  doc.setProducer('Dossier 创建档案管家 (pdf-lib)');
  doc.setLanguage('zh-CN');
  doc.setCreationDate(now);
  doc.setModificationDate(now);

  await doc.flush();
  relabelAsOpenType(doc, fonts.regular.font);
  relabelAsOpenType(doc, fonts.bold.font);
  // Saved by writeTo (a volume) or toBytes (a 网上申报 file): see pdfRepair/pdfLibPacing.ts.
  const pages = new Map<number, FilingPages>();
  for (const [seq, p] of contentPages) pages.set(seq, { ...p, start: p.start + front + 1 });
  return {
    writeTo: (file) => writePdfFile(doc, file),
    toBytes: () => doc.save(PACKET_SAVE_OPTIONS),
    pageCount: doc.getPageCount(),
    pages,
    notices,
    inputBytes: ctx.stats.inputBytes,
  };
}
