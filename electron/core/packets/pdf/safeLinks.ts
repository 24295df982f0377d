import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFContext, type PDFDocument, type PDFObject, type PDFPage } from 'pdf-lib';

/**
 * What a page copied into a packet may still do when clicked or opened. A packet goes to an
 * inspection team's computer: its links may open web pages and e-mail, or move within the
 * packet, and nothing else — no JavaScript, no launching programs or local files, no remote
 * documents, no form submission. Document-level actions (OpenAction, the document's own AA and
 * JavaScript names) never arrive: only pages are copied into the packet, never a catalog.
 */

const SAFE_URI = /^(https?:\/\/|mailto:)/i;

const A = PDFName.of('A');
const AA = PDFName.of('AA');
const S = PDFName.of('S');
const URI = PDFName.of('URI');
const D = PDFName.of('D');
const DEST = PDFName.of('Dest');
const NEXT = PDFName.of('Next');
const PARENT = PDFName.of('Parent');
const SUBTYPE = PDFName.of('Subtype');
const ANNOTS = PDFName.of('Annots');
const LINK = PDFName.of('Link');
const GOTO = PDFName.of('GoTo');

/** Form-field parents are followed this far up: a loop in a damaged file ends here. */
const MAX_PARENTS = 32;

function text(value: PDFObject | undefined): string | null {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return null;
}

/**
 * A page of the source named by its index: pdf-lib copies a page a destination points to as
 * an orphan of its own, so jumps are carried across as indexes and pointed at the copies after.
 */
function localDestination(dest: PDFObject | undefined, pageIndex: ReadonlyMap<string, number>): boolean {
  if (!(dest instanceof PDFArray) || dest.size() === 0) return false;
  const target = dest.get(0);
  // Already carried over (one destination array shared by two links).
  if (target instanceof PDFNumber) return Number.isInteger(target.asNumber()) && target.asNumber() >= 0 && target.asNumber() < pageIndex.size;
  const index = target instanceof PDFRef ? pageIndex.get(target.toString()) : undefined;
  if (index === undefined) return false;
  dest.set(0, PDFNumber.of(index));
  return true;
}

/** A web or mail URI, or a jump to a page of this document. */
function isSafeAction(action: PDFDict, context: PDFContext, pageIndex: ReadonlyMap<string, number>): boolean {
  const type = action.lookup(S);
  if (type === URI) {
    // Readers skip leading blanks and control characters before the scheme.
    const uri = text(context.lookup(action.get(URI)))?.replace(/^[\s\x00-\x1f]+/, '') ?? '';
    return SAFE_URI.test(uri);
  }
  if (type === GOTO) return localDestination(action.lookup(D), pageIndex);
  return false;
}

/** Strip what an annotation may run; false when it is a link that no longer goes anywhere safe. */
function cleanAnnotation(annot: PDFDict, context: PDFContext, pageIndex: ReadonlyMap<string, number>): boolean {
  annot.delete(AA);
  let linksSafely = false;
  const action = annot.lookup(A);
  if (action instanceof PDFDict && isSafeAction(action, context, pageIndex)) {
    // A chained action could follow a harmless one.
    action.delete(NEXT);
    linksSafely = true;
  } else if (action !== undefined) {
    annot.delete(A);
  }
  // A named destination points into the source's name tree, which does not come along.
  if (localDestination(annot.lookup(DEST), pageIndex)) linksSafely = true;
  else annot.delete(DEST);
  // A widget's field (and its parents) may carry actions on keystroke, format and calculation.
  let parent = annot.lookup(PARENT);
  for (let i = 0; parent instanceof PDFDict && i < MAX_PARENTS; i++) {
    parent.delete(AA);
    parent.delete(A);
    parent = parent.lookup(PARENT);
  }
  return annot.lookup(SUBTYPE) !== LINK || linksSafely;
}

function annotationsOf(page: PDFPage): PDFDict[] {
  const annots = page.node.lookup(ANNOTS);
  if (!(annots instanceof PDFArray)) return [];
  return annots.asArray().flatMap((a) => {
    const dict = page.node.context.lookup(a);
    return dict instanceof PDFDict ? [dict] : [];
  });
}

/**
 * Make the pages of a PDF about to be copied into a packet safe to open: page actions gone,
 * links kept only when safe, jumps to its own pages carried as page indexes (see relinkPages).
 */
export function keepSafeActions(source: PDFDocument): void {
  const pages = source.getPages();
  const pageIndex = new Map(pages.map((p, i) => [p.ref.toString(), i]));
  const { context } = source;
  for (const page of pages) {
    const { node } = page;
    node.delete(AA);
    const annots = node.lookup(ANNOTS);
    const kept = PDFArray.withContext(context);
    if (annots instanceof PDFArray) {
      for (let i = 0; i < annots.size(); i++) {
        const entry = annots.get(i);
        const annot = context.lookup(entry);
        if (annot instanceof PDFDict && cleanAnnotation(annot, context, pageIndex)) kept.push(entry);
      }
    }
    if (kept.size() > 0) node.set(ANNOTS, kept);
    else node.delete(ANNOTS);
  }
}

/** After copying: the page indexes keepSafeActions left in destinations become the copied pages. */
export function relinkPages(copied: readonly PDFPage[]): void {
  for (const page of copied) {
    for (const annot of annotationsOf(page)) {
      const action = annot.lookup(A);
      const dests = [annot.lookup(DEST), action instanceof PDFDict ? action.lookup(D) : undefined];
      for (const dest of dests) {
        const index = dest instanceof PDFArray ? dest.get(0) : undefined;
        if (dest instanceof PDFArray && index instanceof PDFNumber && copied[index.asNumber()]) dest.set(0, copied[index.asNumber()].ref);
      }
    }
  }
}
