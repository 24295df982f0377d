import path from 'node:path';
import { parseBox } from './geometry';
import type { ImageObject } from './model';
import { locate, type OfdPackage } from './package';
import { dataUrl, imageMime } from './resources';
import { child, childText, childrenNamed, parseOfdXml, type XmlElement } from './xml';

export interface Stamps {
  /** Signatures listed in Signatures.xml. */
  count: number;
  /** The stamp images to draw, by the page ID their StampAnnot names. */
  byPage: Map<string, ImageObject[]>;
}

/**
 * The 电子签章 an OFD carries, never verified: each Signature.xml's StampAnnot places the seal
 * on a page. The seal is drawn when the package holds it as a plain image (the Seal file itself,
 * or a picture next to Signature.xml); an .esl seal whose picture is inside its ASN.1 structure
 * is not drawn, only counted.
 */
export async function stamps(pkg: OfdPackage, docBody: XmlElement | undefined): Promise<Stamps> {
  const out: Stamps = { count: 0, byPage: new Map() };
  const listLoc = childText(docBody, 'Signatures');
  if (!listLoc) return out;
  const listPath = locate(pkg, 'OFD.xml', listLoc);
  if (!pkg.has(listPath)) return out;
  let list;
  try {
    list = parseOfdXml(await pkg.text(listPath));
  } catch {
    return out;
  }
  const signatures = childrenNamed(list, 'Signature');
  out.count = signatures.length;
  for (const sig of signatures) {
    const sigPath = sig.attrs.BaseLoc ? locate(pkg, listPath, sig.attrs.BaseLoc) : '';
    if (!sigPath || !pkg.has(sigPath)) continue;
    let signature;
    try {
      signature = parseOfdXml(await pkg.text(sigPath));
    } catch {
      continue;
    }
    const info = child(signature, 'SignedInfo');
    const href = await sealImage(pkg, sigPath, childText(child(info, 'Seal'), 'BaseLoc'));
    if (!href) continue;
    for (const annot of childrenNamed(info, 'StampAnnot')) {
      const boundary = parseBox(annot.attrs.Boundary);
      if (!boundary || !annot.attrs.PageRef) continue;
      const page = out.byPage.get(annot.attrs.PageRef) ?? [];
      page.push({ type: 'image', boundary, ctm: [boundary.w, 0, 0, boundary.h, 0, 0], href });
      out.byPage.set(annot.attrs.PageRef, page);
    }
  }
  return out;
}

async function sealImage(pkg: OfdPackage, sigPath: string, sealLoc: string): Promise<string | null> {
  const folder = path.posix.dirname(sigPath);
  const candidates = [
    ...(sealLoc ? [locate(pkg, sigPath, sealLoc)] : []),
    ...pkg.names().filter((n) => path.posix.dirname(n) === folder && /\.(png|jpe?g|gif|bmp)$/i.test(n)),
  ];
  for (const part of candidates) {
    if (!pkg.has(part)) continue;
    const bytes = await pkg.bytes(part);
    const mime = imageMime(bytes);
    if (mime) return dataUrl(bytes, mime);
  }
  return null;
}
