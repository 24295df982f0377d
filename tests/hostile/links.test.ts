// Links and actions in a packet PDF: only web and e-mail links and jumps within the packet survive,
// whether they come from a DOCX (mammoth → Chromium) or from a PDF merged as it is.
import fs from 'node:fs';
import path from 'node:path';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFRef,
  PDFStream,
  PDFString,
  StandardFonts,
  type PDFObject,
} from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api';
import type { Indicator } from '../../shared/domain';
import { createContext, type CoreContext } from '../../electron/core/context';
import { createDirectClient } from '../../electron/core/directClient';
import { createHandlers } from '../../electron/core/handlers';
import { createChromiumRenderer } from '../../electron/core/render/chromiumRenderer';
import { exportJob } from '../helpers/exportJob';
import { sampleDossier, tempDir } from '../helpers/tempArchive';
import { externalRel, LAUGHS_BODY, LAUGHS_PROLOG, linkParagraph, writeRawDocx, XXE_BODY, XXE_PROLOG } from './hostileOffice';

const KEPT_HTTP = 'http://example.org/docx-link';
const KEPT_MAIL = 'mailto:office@example.org';
const PDF_HTTP = 'https://example.org/pdf-link';
const PDF_CHAINED = 'https://example.org/then-script';

/** A DOCX with four links: two that may stay, two that must become text. */
async function linkedDocx(file: string): Promise<void> {
  const links: [string, string, string][] = [
    ['rId1', 'javascript:alert(document.cookie)', '脚本链接文字'],
    ['rId2', 'file:///etc/passwd', '本地文件链接文字'],
    ['rId3', KEPT_HTTP, '网页链接文字'],
    ['rId4', KEPT_MAIL, '邮件链接文字'],
  ];
  await writeRawDocx(file, links.map(([id, , text]) => linkParagraph(id, text)).join(''), {
    rels: links.map(([id, target]) => externalRel(id, target)).join(''),
  });
}

/**
 * A PDF that tries everything: a JavaScript OpenAction and document JavaScript, page and field
 * actions, Launch / GoToR / SubmitForm / javascript: / file: links, a safe link with a script
 * chained after it — and two links that must survive, plus jumps to its own second page.
 */
async function hostilePdf(file: string): Promise<void> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const first = doc.addPage([595, 842]);
  const second = doc.addPage([595, 842]);
  first.drawText('hostile source page one', { x: 72, y: 760, size: 14, font });
  second.drawText('hostile source page two', { x: 72, y: 760, size: 14, font });
  const ctx = doc.context;
  const script = ctx.register(ctx.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert("opened")') }));
  doc.catalog.set(PDFName.of('OpenAction'), script);
  doc.catalog.set(PDFName.of('AA'), ctx.obj({ WC: script }));
  doc.catalog.set(PDFName.of('Names'), ctx.obj({ JavaScript: ctx.obj({ Names: [PDFString.of('run'), script] }) }));
  first.node.set(PDFName.of('AA'), ctx.obj({ O: script }));
  const action = (entries: Record<string, PDFObject | string>) => {
    const dict = ctx.obj({ Type: 'Action' });
    for (const [k, v] of Object.entries(entries)) dict.set(PDFName.of(k), typeof v === 'string' ? PDFName.of(v) : v);
    return ctx.register(dict);
  };
  const toSecond = () => ctx.obj([second.ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]);
  let y = 700;
  const annots: PDFRef[] = [];
  const annot = (extra: Record<string, PDFObject>, subtype = 'Link') => {
    const dict = ctx.obj({ Type: 'Annot', Subtype: subtype, Rect: [72, y, 300, y + 20], Border: [0, 0, 0] });
    for (const [k, v] of Object.entries(extra)) dict.set(PDFName.of(k), v);
    annots.push(ctx.register(dict));
    y -= 30;
  };
  annot({ A: action({ S: 'Launch', F: PDFString.of('C:\\Windows\\System32\\calc.exe') }) });
  annot({ A: action({ S: 'URI', URI: PDFString.of('javascript:app.alert(1)') }) });
  annot({ A: action({ S: 'URI', URI: PDFString.of(' file:///C:/Windows/win.ini') }) });
  annot({ A: action({ S: 'GoToR', F: PDFString.of('other.pdf'), D: ctx.obj([PDFNumber.of(0), PDFName.of('Fit')]) }) });
  annot({ A: action({ S: 'SubmitForm', F: PDFString.of('http://example.org/collect') }) });
  annot({ A: action({ S: 'ImportData', F: PDFString.of('data.fdf') }) });
  annot({ A: action({ S: 'URI', URI: PDFHexString.fromText(PDF_HTTP) }) });
  annot({ A: action({ S: 'URI', URI: PDFString.of(PDF_CHAINED), Next: script }) });
  annot({ Dest: toSecond() });
  annot({ A: action({ S: 'GoTo', D: toSecond() }) });
  annot({ Dest: PDFName.of('NamedSomewhereElse') });
  annot({ A: script, AA: ctx.obj({ E: script }), FT: PDFName.of('Btn'), T: PDFString.of('field') }, 'Widget');
  first.node.set(PDFName.of('Annots'), ctx.obj(annots));
  fs.writeFileSync(file, await doc.save());
}

const FORBIDDEN_ACTIONS = ['JavaScript', 'Launch', 'GoToR', 'GoToE', 'ImportData', 'SubmitForm'];

function uriOf(dict: PDFDict): string {
  const value = dict.lookup(PDFName.of('URI'));
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : '';
}

describe('links in a packet PDF', () => {
  let dir: string;
  let ctx: CoreContext;
  let api: ApiClient;
  let packet: PDFDocument;
  let dossierId: number;
  let leaves: Indicator[];

  beforeAll(async () => {
    dir = tempDir('dossier-links-');
    ctx = createContext({ archiveDir: path.join(dir, 'archive'), transport: 'direct', createRenderer: createChromiumRenderer });
    api = createDirectClient(createHandlers(ctx));
    const sample = await sampleDossier(api);
    dossierId = sample.dossier.id;
    leaves = sample.indicators.filter((i) => !sample.indicators.some((j) => j.parentId === i.id));
    const word = path.join(dir, '链接说明.docx');
    await linkedDocx(word);
    const pdf = path.join(dir, '带脚本的PDF.pdf');
    await hostilePdf(pdf);
    for (const [file, leaf] of [[word, leaves[0]], [pdf, leaves[1]]] as const) {
      const report = await api['materials.add']({ dossierId, paths: [file], indicatorIds: [leaf.id] });
      expect(report.failed).toEqual([]);
    }
    const job = await exportJob(api, { dossierId, outDir: path.join(dir, 'out') });
    expect(job.result!.notices).toEqual([]);
    packet = await PDFDocument.load(fs.readFileSync(job.result!.pdfPath!));
  }, 180_000);

  afterAll(async () => {
    await ctx?.close();
  });

  /** Every dictionary in the file, nested ones too (Chromium writes link actions inline). */
  const allDicts = (): PDFDict[] => {
    const out: PDFDict[] = [];
    const stack: PDFObject[] = packet.context.enumerateIndirectObjects().map(([, obj]) => obj);
    for (let obj = stack.pop(); obj; obj = stack.pop()) {
      const dict = obj instanceof PDFDict ? obj : obj instanceof PDFStream ? obj.dict : null;
      if (dict) {
        out.push(dict);
        for (const [, value] of dict.entries()) if (!(value instanceof PDFRef)) stack.push(value);
      } else if (obj instanceof PDFArray) {
        for (const value of obj.asArray()) if (!(value instanceof PDFRef)) stack.push(value);
      }
    }
    return out;
  };

  const linkAnnots = (): PDFDict[] =>
    packet.getPages().flatMap((page) => {
      const annots = page.node.lookup(PDFName.of('Annots'));
      if (!(annots instanceof PDFArray)) return [];
      return annots
        .asArray()
        .map((a) => packet.context.lookup(a))
        .filter((a): a is PDFDict => a instanceof PDFDict && a.lookup(PDFName.of('Subtype')) === PDFName.of('Link'));
    });

  it('keeps exactly the http(s) and mailto links, from the DOCX and from the PDF', () => {
    const uris = allDicts()
      .filter((d) => d.lookup(PDFName.of('S')) === PDFName.of('URI'))
      .map(uriOf)
      .sort();
    expect(uris).toEqual([KEPT_HTTP, KEPT_MAIL, PDF_CHAINED, PDF_HTTP].sort());
  });

  it('has no JavaScript, Launch, remote or form actions, and no automatic actions anywhere', () => {
    for (const dict of allDicts()) {
      const s = dict.lookup(PDFName.of('S'));
      if (s instanceof PDFName) expect(FORBIDDEN_ACTIONS).not.toContain(s.decodeText());
      expect(dict.has(PDFName.of('JS'))).toBe(false);
      expect(dict.has(PDFName.of('AA'))).toBe(false);
      // An action's chained /Next (outline items have a /Next of their own).
      if (s instanceof PDFName) expect(dict.has(PDFName.of('Next'))).toBe(false);
    }
    expect(packet.catalog.has(PDFName.of('OpenAction'))).toBe(false);
    expect(packet.catalog.has(PDFName.of('Names'))).toBe(false);
    for (const page of packet.getPages()) expect(page.node.has(PDFName.of('AA'))).toBe(false);
  });

  it('keeps jumps within the packet: the merged PDF’s links to its own page, and the bookmarks', () => {
    const pageRefs = new Set(packet.getPages().map((p) => p.ref.toString()));
    const targets = linkAnnots().flatMap((annot) => {
      const action = annot.lookup(PDFName.of('A'));
      const dest = action instanceof PDFDict ? action.lookup(PDFName.of('D')) : annot.lookup(PDFName.of('Dest'));
      return dest instanceof PDFArray ? [dest.get(0)] : [];
    });
    // The Dest link and the GoTo link; the one to a named destination went with the source's names.
    expect(targets).toHaveLength(2);
    for (const t of targets) expect(pageRefs.has(String(t))).toBe(true);
    // Every remaining link either opens the web or mail, or jumps to a page of the packet.
    expect(linkAnnots()).toHaveLength(2 + 2 + 2);
    const outlines = packet.catalog.lookup(PDFName.of('Outlines'));
    expect(outlines).toBeInstanceOf(PDFDict);
    const first = (outlines as PDFDict).lookup(PDFName.of('First')) as PDFDict;
    const dest = first.lookup(PDFName.of('Dest')) as PDFArray;
    expect(pageRefs.has(String(dest.get(0)))).toBe(true);
  });
});

describe('DOCX with a DTD filed as a material', () => {
  let api: ApiClient;
  let ctx: CoreContext;
  let dossierId: number;
  let dir: string;

  beforeAll(async () => {
    dir = tempDir('dossier-dtd-');
    ctx = createContext({ archiveDir: path.join(dir, 'archive'), transport: 'direct' });
    api = createDirectClient(createHandlers(ctx));
    dossierId = (await sampleDossier(api)).dossier.id;
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it.each([
    ['外部实体.docx', XXE_PROLOG, XXE_BODY],
    ['实体炸弹.docx', LAUGHS_PROLOG, LAUGHS_BODY],
  ])('refuses %s at import with a Chinese reason, quickly', async (name, prolog, body) => {
    const file = path.join(dir, name);
    await writeRawDocx(file, body, { prolog });
    const started = performance.now();
    const report = await api['materials.add']({ dossierId, paths: [file] });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(report.added).toEqual([]);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0].reason).not.toMatch(/内部错误|Error/);
    expect(report.failed[0].reason).toMatch(/[\u4e00-\u9fff]/);
  });
});
