import { pageObjects } from './content';
import { parsePageBox } from './geometry';
import type { Box, OfdDocument, OfdPage, PageObject } from './model';
import { locate, OfdUnreadable, openOfdPackage, type OfdPackage } from './package';
import { emptyResources, readResources, type Resources } from './resources';
import { stamps } from './signatures';
import { child, childText, childrenNamed, parseOfdXml, type XmlElement } from './xml';

/** Pages drawn at most: a 公文 has a few, a scanned 案卷 some hundreds. */
export const MAX_OFD_PAGES = 2000;

const A4: Box = { x: 0, y: 0, w: 210, h: 297 };

async function readPart(pkg: OfdPackage, part: string, what: string): Promise<XmlElement> {
  if (!pkg.has(part)) throw new OfdUnreadable(`OFD 文件缺少${what}（${part}），无法打开`);
  try {
    return parseOfdXml(await pkg.text(part));
  } catch (err) {
    if (err instanceof OfdUnreadable) throw err;
    throw new OfdUnreadable(`OFD 文件的${what}（${part}）已损坏，无法打开`);
  }
}

function physicalBox(el: XmlElement | undefined): Box | null {
  return parsePageBox(childText(child(el, 'Area') ?? child(el, 'PageArea'), 'PhysicalBox'));
}

/**
 * Read an OFD file: OFD.xml → its first DocBody's DocRoot (Document.xml) → resources, templates
 * and pages → the stamps of its 电子签章. Throws OfdUnreadable naming what is missing or damaged.
 */
export async function readOfd(bytes: Buffer): Promise<OfdDocument> {
  const pkg = await openOfdPackage(bytes);
  const ofd = await readPart(pkg, 'OFD.xml', '入口文件');
  const body = child(ofd, 'DocBody');
  const rootLoc = childText(body, 'DocRoot');
  if (!rootLoc) throw new OfdUnreadable('OFD 文件的入口文件 OFD.xml 没有指明文档主体（DocRoot），无法打开');
  const docPath = locate(pkg, 'OFD.xml', rootLoc);
  if (!pkg.has(docPath)) throw new OfdUnreadable(`OFD 文件缺少文档主体“${docPath}”（OFD.xml 指向的文件不存在），无法打开`);
  const doc = await readPart(pkg, docPath, '文档主体');
  const common = child(doc, 'CommonData');
  const res = emptyResources();
  for (const name of ['PublicRes', 'DocumentRes']) {
    for (const loc of childrenNamed(common, name)) await readResources(pkg, locate(pkg, docPath, loc.text.trim()), res);
  }
  const defaultBox = physicalBox(common) ?? A4;
  const templates = new Map<string, { el: XmlElement; path: string }>();
  for (const t of childrenNamed(common, 'TemplatePage')) {
    const loc = t.attrs.BaseLoc ? locate(pkg, docPath, t.attrs.BaseLoc) : '';
    if (t.attrs.ID && loc && pkg.has(loc)) templates.set(t.attrs.ID, { el: await readPart(pkg, loc, '模板页'), path: loc });
  }
  const refs = childrenNamed(child(doc, 'Pages'), 'Page');
  if (refs.length === 0) throw new OfdUnreadable('OFD 文档中没有页面，无法打开');
  if (refs.length > MAX_OFD_PAGES) throw new OfdUnreadable(`OFD 文档共 ${refs.length} 页，超过上限 ${MAX_OFD_PAGES} 页，无法打开`);
  const signed = await stamps(pkg, body);
  const pages: OfdPage[] = [];
  for (const [i, ref] of refs.entries()) {
    const loc = ref.attrs.BaseLoc ? locate(pkg, docPath, ref.attrs.BaseLoc) : '';
    const page = await readPart(pkg, loc || `第 ${i + 1} 页`, `第 ${i + 1} 页的内容`);
    const pageRes = await withPageResources(pkg, loc, page, res);
    const back: PageObject[] = [];
    const front: PageObject[] = [];
    for (const use of childrenNamed(page, 'Template')) {
      const template = templates.get(use.attrs.TemplateID ?? '');
      if (!template) continue;
      (use.attrs.ZOrder === 'Foreground' ? front : back).push(...pageObjects(template.el, pageRes));
    }
    const own = signed.byPage.get(ref.attrs.ID ?? '') ?? [];
    pages.push({ box: physicalBox(page) ?? defaultBox, objects: [...back, ...pageObjects(page, pageRes), ...front, ...own] });
  }
  return { pages, signatures: signed.count, title: childText(child(body, 'DocInfo'), 'Title'), fonts: res.fontFiles };
}

/** A page may bring resources of its own (PageRes); they add to the document's. */
async function withPageResources(pkg: OfdPackage, pagePath: string, page: XmlElement, res: Resources): Promise<Resources> {
  const own = childrenNamed(page, 'PageRes');
  if (own.length === 0) return res;
  const merged: Resources = { fonts: new Map(res.fonts), images: new Map(res.images), drawParams: new Map(res.drawParams), fontFiles: res.fontFiles };
  for (const loc of own) await readResources(pkg, locate(pkg, pagePath, loc.text.trim()), merged);
  return merged;
}
