import JSZip from 'jszip';
import { ApiError } from '../../../../../shared/errors';
import { assertGrid, guardPackage, MAX_CELLS, MAX_SPAN, tooManyCells } from '../importLimits';
import type { MergeRange, RawTable } from '../table';
import { ListNumbers } from './listNumbers';
import { assertOfficePackage } from './signature';
import { attrOf, childrenOf, findDeep, firstChild, parseXml, tagOf, textOf, type XmlNode } from './xmlTree';

/** How many paragraphs above a table are kept as title candidates. */
const PREAMBLE_LINES = 5;

/** Every top-level table of a Word document, with the paragraphs just above it. */
export async function readDocx(bytes: Buffer, fileLabel: string): Promise<RawTable[]> {
  assertOfficePackage(bytes, fileLabel, 'docx');
  await guardPackage(bytes, fileLabel, 'docx');
  const reopen = `请在 Word 或 WPS 中打开并另存为 .docx 后再导入`;
  let xml: string;
  try {
    const zip = await JSZip.loadAsync(bytes);
    const entry = zip.file('word/document.xml');
    if (!entry) throw new ApiError('bad_input', `“${fileLabel}”中缺少正文（word/document.xml），不是完整的 Word 文件。${reopen}`);
    xml = await entry.async('string');
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError('bad_input', `无法打开 Word 文件“${fileLabel}”，文件可能已损坏。${reopen}`);
  }
  let document: XmlNode[];
  try {
    document = parseXml(xml);
  } catch {
    // Malformed XML, or nesting deeper than the parser allows.
    throw new ApiError('bad_input', `“${fileLabel}”的正文不是有效的 Word 内容，无法读取。${reopen}`);
  }
  const body = findDeep(document, 'w:body');
  const tables: RawTable[] = [];
  // Paragraphs after each table, kept whole: a numbered list of 否决 conditions may stand there.
  const texts: RawTable[] = [];
  let paragraphs: string[] = [];
  const lists = new ListNumbers();
  const keepText = () => {
    if (tables.length === 0 || paragraphs.length === 0) return;
    const label = `第 ${tables.length} 个表格后的文字`;
    texts.push({ label, rows: paragraphs.map((p) => [p]), merges: [], preamble: [], text: true });
  };
  const visit = (nodes: readonly XmlNode[]) => {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === 'w:p') {
        const text = paragraphText(node).trim();
        if (text) paragraphs.push(`${lists.label(node)}${text}`);
      } else if (tag === 'w:tbl') {
        keepText();
        tables.push({ ...readTable(node, tables.length + 1, fileLabel), preamble: paragraphs.slice(-PREAMBLE_LINES), continuable: true });
        paragraphs = [];
      } else if (tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml') {
        // Content controls and custom XML wrap ordinary paragraphs and tables.
        visit(childrenOf(node));
      }
    }
  };
  visit(body ? childrenOf(body) : []);
  keepText();
  if (tables.length === 0) {
    throw new ApiError(
      'bad_input',
      `“${fileLabel}”中没有表格。测评体系须是 Word 表格（每行一项，带“测评内容”“分值”等列名）；` +
        `如果是分段文字，请先在 Word 中“文本转换成表格”，或整理到 Excel 后再导入`,
    );
  }
  // After the tables, so table numbers stay those the clerk counts in Word.
  return [...tables, ...texts];
}

function readTable(tbl: XmlNode, index: number, fileLabel: string): Omit<RawTable, 'preamble'> {
  const rows: string[][] = [];
  const merges: MergeRange[] = [];
  // Vertical merges still open, by the grid column where they start.
  const openVertical = new Map<number, MergeRange>();
  let cellCount = 0;
  for (const tr of rowsOf(tbl)) {
    const r = rows.length;
    const cells: string[] = [];
    const trPr = firstChild(tr, 'w:trPr');
    let col = gridValue(trPr, 'w:gridBefore');
    for (let i = 0; i < col; i++) cells.push('');
    const covered = new Set<number>();
    for (const tc of cellsOf(tr)) {
      const tcPr = firstChild(tc, 'w:tcPr');
      const span = Math.max(1, gridValue(tcPr, 'w:gridSpan') || 1);
      const vMerge = tcPr ? firstChild(tcPr, 'w:vMerge') : undefined;
      const vMergeVal = vMerge ? (attrOf(vMerge, 'w:val') ?? 'continue') : undefined;
      const open = openVertical.get(col);
      if (vMergeVal === 'continue' && open) {
        open.bottom = r;
        for (let i = 0; i < span; i++) cells.push('');
      } else {
        cells.push(cellText(tc));
        for (let i = 1; i < span; i++) cells.push('');
        const range: MergeRange = { top: r, left: col, bottom: r, right: col + span - 1 };
        if (vMergeVal === 'restart') openVertical.set(col, range);
        else openVertical.delete(col);
        merges.push(range);
      }
      for (let i = 0; i < span; i++) covered.add(col + i);
      col += span;
    }
    // A column this row does not reach ends any vertical merge there.
    for (const start of [...openVertical.keys()]) if (!covered.has(start)) openVertical.delete(start);
    rows.push(cells);
    // Spans widen rows beyond the cells the package holds: counted as the grid grows.
    cellCount += cells.length;
    if (cellCount > MAX_CELLS) throw tooManyCells(fileLabel);
  }
  let width = 0;
  for (const row of rows) width = Math.max(width, row.length);
  assertGrid(fileLabel, `第 ${index} 个表格`, rows.length, width);
  for (const row of rows) while (row.length < width) row.push('');
  const real = merges.filter((m) => m.bottom > m.top || m.right > m.left);
  return { label: `第 ${index} 个表格`, rows, merges: real };
}

/** Rows, looking through content controls that wrap them. */
function rowsOf(tbl: XmlNode): XmlNode[] {
  return unwrap(tbl, 'w:tr');
}

function cellsOf(tr: XmlNode): XmlNode[] {
  return unwrap(tr, 'w:tc');
}

/** Children with this tag, in order, looking into content-control wrappers (depth-first, with a stack). */
function unwrap(parent: XmlNode, tag: string): XmlNode[] {
  const out: XmlNode[] = [];
  const stack = childrenOf(parent).reverse();
  for (let child = stack.pop(); child; child = stack.pop()) {
    const t = tagOf(child);
    if (t === tag) out.push(child);
    else if (t === 'w:sdt' || t === 'w:sdtContent' || t === 'w:customXml') {
      const inner = childrenOf(child);
      for (let i = inner.length - 1; i >= 0; i--) stack.push(inner[i]);
    }
  }
  return out;
}

/** A span or gridBefore; wider than Word allows is taken as the widest, so one cell cannot make a million columns. */
function gridValue(props: XmlNode | undefined, tag: string): number {
  const el = props ? firstChild(props, tag) : undefined;
  const n = el ? Number(attrOf(el, 'w:val')) : 0;
  return Number.isFinite(n) && n > 0 ? Math.min(Math.floor(n), MAX_SPAN) : 0;
}

/** Paragraphs of a cell, one per line; a nested table contributes its text too. */
function cellText(tc: XmlNode): string {
  const lines: string[] = [];
  const visit = (nodes: readonly XmlNode[]) => {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === 'w:p') lines.push(paragraphText(node));
      else if (tag !== 'w:tcPr') visit(childrenOf(node));
    }
  };
  visit(childrenOf(tc));
  return lines.join('\n').trim();
}

/** Skipped inside a paragraph: properties, and drawings/fallbacks that would repeat text. */
const SKIP_IN_PARAGRAPH = new Set(['w:pPr', 'w:rPr', 'w:drawing', 'w:pict', 'mc:Fallback', 'w:instrText', 'w:delText']);

function paragraphText(p: XmlNode): string {
  let text = '';
  const visit = (nodes: readonly XmlNode[]) => {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === undefined || SKIP_IN_PARAGRAPH.has(tag)) continue;
      if (tag === 'w:t') text += childrenOf(node).map(textOf).join('');
      else if (tag === 'w:tab') text += ' ';
      else if (tag === 'w:br' || tag === 'w:cr') text += '\n';
      else if (tag === 'w:noBreakHyphen') text += '-';
      else visit(childrenOf(node));
    }
  };
  visit(childrenOf(p));
  return text;
}
