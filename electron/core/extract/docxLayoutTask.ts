/**
 * The reader thread's `docxLayout` task, as worker source text (see officeReader.ts): docx-preview
 * lays a Word document out as styled HTML (fonts, sizes, spacing, borders, merged cells, images,
 * columns, one <section> per page-break group) in a jsdom window, which runs no script. The task
 * then turns docx-preview's screen pages into print pages: each section's size and margins become
 * a named @page (docx.ts's DocxLayout), its header and footer become text for the page's margin
 * boxes, where Chromium can number pages (docx-preview cannot: it never paginates). PAGE and
 * NUMPAGES fields become U+E000 / U+E001 for the print document to turn into counters.
 *
 * Expects `workerData.jsdom` and `workerData.docxPreview` (resolved module paths) and a `tasks`
 * object to add to.
 */
/** Starts the error message of a document whose parts docx-preview could not parse. */
export const DOCX_DAMAGED = 'DOCX damaged: ';

export const DOCX_LAYOUT_TASK = `
let docxWindow = null;
function docxDom() {
  if (docxWindow) return docxWindow;
  const { JSDOM } = require(workerData.jsdom);
  docxWindow = new JSDOM('<!doctype html><html><head></head><body></body></html>').window;
  // docx-preview reaches for the browser's globals; in this thread they are the jsdom window's.
  for (const name of ['document', 'DOMParser', 'XMLSerializer', 'Node', 'Element', 'HTMLElement', 'Blob', 'FileReader']) {
    globalThis[name] = docxWindow[name];
  }
  globalThis.window = docxWindow;
  return docxWindow;
}

const PAGE_MARK = '\\uE000';
const PAGES_MARK = '\\uE001';
const fieldMark = (instr) => (/^\\s*PAGE\\b/i.test(instr) ? PAGE_MARK : /^\\s*(NUMPAGES|SECTIONPAGES)\\b/i.test(instr) ? PAGES_MARK : null);

// Header and footer fields, in document order: the instruction of a PAGE field is replaced by a
// mark and its cached result (the number Word last saw) is dropped. A stack, not recursion.
function markPageFields(root) {
  const open = [];
  const stack = [root];
  for (let el = stack.pop(); el; el = stack.pop()) {
    if (!Array.isArray(el.children)) continue;
    const kept = [];
    for (const child of el.children) {
      const top = open[open.length - 1];
      if (child.type === 'simpleField') {
        const mark = fieldMark(child.instruction || '');
        kept.push(mark ? { type: 'text', text: mark } : child);
      } else if (child.type === 'complexField' && child.charType === 'begin') {
        open.push({ instr: '', inResult: false, marked: false });
      } else if (child.type === 'instruction' && top) {
        top.instr += child.text || '';
      } else if (child.type === 'complexField' && (child.charType === 'separate' || child.charType === 'end') && top) {
        const mark = fieldMark(top.instr);
        if (mark && !top.marked) {
          kept.push({ type: 'text', text: mark });
          // docx-preview renders nothing of a run that held field characters.
          el.fieldRun = false;
          top.marked = true;
        }
        if (child.charType === 'separate') top.inResult = true;
        else open.pop();
      } else if (top && top.inResult && fieldMark(top.instr) && child.type === 'text') {
        // the cached page number
      } else kept.push(child);
    }
    el.children = kept;
    // Children are visited in order: push them reversed.
    for (let i = kept.length - 1; i >= 0; i -= 1) stack.push(kept[i]);
  }
}

const SAFE_HREF_LAYOUT = /^(https?:\\/\\/|mailto:)/i;

function toPt(value) {
  const m = /(-?[\\d.]+)(pt|px|mm|cm|in)/.exec(String(value || ''));
  if (!m) return null;
  const n = Number(m[1]);
  return { pt: 1, px: 0.75, mm: 72 / 25.4, cm: 72 / 2.54, in: 72 }[m[2]] * n;
}

// The text a header or footer shows, per paragraph, with how its first run looks.
function marginText(el) {
  const lines = [];
  let align = '';
  let font = null;
  for (const p of el.querySelectorAll('p')) {
    const text = p.textContent.replace(/\\s+$/, '');
    if (!text.trim()) continue;
    lines.push(text);
    align ||= p.style.textAlign || '';
    const span = [...p.querySelectorAll('span')].find((s) => s.textContent.trim() !== '');
    font ||= span ? { family: span.style.fontFamily || '', sizePt: toPt(span.style.fontSize), color: span.style.color || '', bold: span.style.fontWeight === 'bold' } : null;
  }
  if (!lines.length) return null;
  return { lines, align: /center/.test(align) ? 'center' : /right|end/.test(align) ? 'right' : 'left', font };
}

tasks.docxLayout = async ({ bytes }) => {
  const win = docxDom();
  const docxPreview = require(workerData.docxPreview);
  const options = {
    className: 'docx', inWrapper: false, ignoreWidth: false, ignoreHeight: false, ignoreFonts: false,
    breakPages: true, ignoreLastRenderedPageBreak: true, renderHeaders: true, renderFooters: true,
    renderFootnotes: true, renderEndnotes: true, renderComments: false, renderChanges: false,
    useBase64URL: true, experimental: false, trimXmlDeclaration: true, debug: false,
  };
  let doc;
  try {
    doc = await docxPreview.parseAsync(asBuffer(bytes), options);
  } catch (err) {
    // A part that is not well-formed XML is a damaged file, not something to lay out otherwise.
    throw new Error('${DOCX_DAMAGED}' + String((err && err.message) || err));
  }
  for (const part of doc.parts || []) {
    const type = part.rootElement && part.rootElement.type;
    if (type === 'header' || type === 'footer') markPageFields(part.rootElement);
  }
  const nodes = await docxPreview.renderDocument(doc, options);
  const css = [];
  const pages = [];
  const body = win.document.createElement('div');
  for (const node of nodes) {
    if (node.nodeName === 'STYLE') {
      css.push(node.textContent);
      continue;
    }
    if (node.nodeName !== 'SECTION') {
      if (node.nodeType === 1) body.appendChild(node);
      continue;
    }
    const s = node.style;
    const top = toPt(s.paddingTop) ?? 72;
    const bottom = toPt(s.paddingBottom) ?? 72;
    const page = {
      widthPt: toPt(s.width) ?? 595.3,
      heightPt: toPt(s.minHeight) ?? 841.9,
      marginPt: { top, right: toPt(s.paddingRight) ?? 90, bottom, left: toPt(s.paddingLeft) ?? 90 },
      header: null,
      footer: null,
    };
    for (const part of [...node.children]) {
      const tag = part.tagName.toLowerCase();
      if (tag !== 'header' && tag !== 'footer') continue;
      const text = marginText(part);
      // docx-preview sets min-height to the margin less the header (footer) distance.
      const gap = toPt(part.style.minHeight);
      if (text) page[tag] = { ...text, distancePt: gap === null ? null : (tag === 'header' ? top : bottom) - gap };
      part.remove();
    }
    for (const prop of ['padding', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left', 'width', 'min-height']) s.removeProperty(prop);
    s.setProperty('page', 'docx-page-' + pages.length);
    pages.push(page);
    body.appendChild(node);
  }
  for (const a of body.querySelectorAll('a')) {
    const href = (a.getAttribute('href') || '').trim();
    if (!SAFE_HREF_LAYOUT.test(href)) a.removeAttribute('href');
  }
  for (const el of body.querySelectorAll('script, iframe, object, embed, link, meta')) el.remove();
  // An HTML parser closes a <p> at a <div>: docx-preview's inline picture boxes become spans, so
  // the printed page keeps them in their paragraph (and its alignment).
  for (const div of [...body.querySelectorAll('p div')].reverse()) {
    const span = win.document.createElement('span');
    for (const attr of [...div.attributes]) span.setAttribute(attr.name, attr.value);
    span.append(...div.childNodes);
    if (!span.style.display) span.style.display = 'inline-block';
    div.replaceWith(span);
  }
  return { css: css.join('\\n'), body: body.innerHTML, pages };
};
`;
