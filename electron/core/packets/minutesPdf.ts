import type { Archive } from '../archive/archive';
import type { HtmlRenderer } from '../render/htmlRenderer';
import { renderMinutes } from './htmlSources';
import { printedPdf } from './printedPdf';

/**
 * The PDF of a 会议纪要, made from its stored form on first use and kept (derived/minutes/): the
 * packet and the folder (or zip) export then carry the same bytes, and the manifest the same
 * hash, export after export. Throws MinutesUnreadable when the form does not read.
 */
export function minutesPdf(archive: Archive, sha256: string, title: string, renderer: HtmlRenderer): Promise<Uint8Array> {
  return printedPdf(archive, 'minutes', sha256, () => renderMinutes(archive.store.pathFor(sha256), title, renderer));
}
