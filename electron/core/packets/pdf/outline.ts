import { PDFArray, PDFHexString, PDFName, PDFNull, PDFNumber, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';

export interface OutlineNode {
  title: string;
  page: PDFPage;
  children: OutlineNode[];
  /** Open nodes show their children when the document opens. */
  open: boolean;
}

/** Items visible below a node when it is open (ISO 32000 §12.3.3, /Count). */
function visibleBelow(node: OutlineNode): number {
  return node.children.reduce((n, child) => n + 1 + (child.open ? visibleBelow(child) : 0), 0);
}

/**
 * Bookmarks. pdf-lib has no outline API, so the dictionaries are written by hand: an /Outlines
 * root, and per item /Title /Parent /Prev /Next /First /Last /Count /Dest, each destination
 * being [page /XYZ null null null] (the page at the reader's current zoom).
 */
export function addOutline(doc: PDFDocument, roots: OutlineNode[]): void {
  if (roots.length === 0) return;
  const { context } = doc;
  const rootRef = context.nextRef();

  const writeLevel = (nodes: OutlineNode[], parent: PDFRef): { first: PDFRef; last: PDFRef } => {
    const refs = nodes.map(() => context.nextRef());
    nodes.forEach((node, i) => {
      const dest = PDFArray.withContext(context);
      dest.push(node.page.ref);
      dest.push(PDFName.of('XYZ'));
      dest.push(PDFNull);
      dest.push(PDFNull);
      dest.push(PDFNull);
      const dict = context.obj({});
      dict.set(PDFName.of('Title'), PDFHexString.fromText(node.title));
      dict.set(PDFName.of('Parent'), parent);
      dict.set(PDFName.of('Dest'), dest);
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]);
      if (i < nodes.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]);
      if (node.children.length > 0) {
        const { first, last } = writeLevel(node.children, refs[i]);
        dict.set(PDFName.of('First'), first);
        dict.set(PDFName.of('Last'), last);
        const count = visibleBelow(node);
        dict.set(PDFName.of('Count'), PDFNumber.of(node.open ? count : -count));
      }
      context.assign(refs[i], dict);
    });
    return { first: refs[0], last: refs[refs.length - 1] };
  };

  const { first, last } = writeLevel(roots, rootRef);
  const root = context.obj({});
  root.set(PDFName.of('Type'), PDFName.of('Outlines'));
  root.set(PDFName.of('First'), first);
  root.set(PDFName.of('Last'), last);
  root.set(PDFName.of('Count'), PDFNumber.of(roots.reduce((n, r) => n + 1 + (r.open ? visibleBelow(r) : 0), 0)));
  context.assign(rootRef, root);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
