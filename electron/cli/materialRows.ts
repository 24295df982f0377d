// How materials are printed by every material command: one row shape for --json, one line for people.
import type { Material } from '../../shared/domain';
import type { CliSession } from './session';
import { printJson } from './output';

/** Indicator codes by id, for showing where a material is filed (empty before a 测评体系 is chosen). */
export async function codesOf(s: CliSession): Promise<Map<number, string>> {
  if (s.dossier().systemId === null) return new Map();
  return new Map((await s.indicators()).map((i) => [i.id, i.code]));
}

export function materialRow(m: Material, codes: Map<number, string>) {
  return {
    id: m.id,
    title: m.title,
    kind: m.kind,
    sha256: m.sha256,
    indicators: m.indicatorIds.map((id) => codes.get(id) ?? String(id)),
    originalName: m.originalName,
    date: m.date,
    pages: m.pages,
    mergeable: m.mergeable,
    responsible: m.responsible,
    docNumber: m.docNumber,
    securityLevel: m.securityLevel,
    retention: m.retention,
    note: m.note,
    photoTime: m.photoTime,
    place: m.place,
    people: m.people,
    photographer: m.photographer,
    description: m.description,
    photos: m.photos.map((p) => ({ sha256: p.sha256, originalName: p.originalName, caption: p.caption })),
    itemNumber: m.itemNumber,
    archivalCode: m.archivalCode,
    ocr: m.ocr,
    ocrPages: m.ocrPages,
    ocrError: m.ocrError,
    isDocument: m.isDocument,
    trashedAt: m.trashedAt,
  };
}

export type MaterialRow = ReturnType<typeof materialRow>;

export function materialLine(r: MaterialRow): string {
  return `${r.id}\t${r.title}\t${r.indicators.join('、') || '未归类'}${r.archivalCode ? `\t档号 ${r.archivalCode}` : ''}`;
}

export function printMaterials(rows: MaterialRow[], json: boolean | undefined): void {
  if (json) return printJson(rows);
  for (const r of rows) console.log(materialLine(r));
}

/** Print changed materials: rows as JSON, or one “已…” line each. */
export async function printChanged(s: CliSession, list: Material[], json: boolean | undefined, done: string): Promise<void> {
  const codes = await codesOf(s);
  const rows = list.map((m) => materialRow(m, codes));
  if (json) return printJson(rows);
  for (const r of rows) console.log(`${done}：${materialLine(r)}`);
}

export function collect(v: string, prev: string[]): string[] {
  return [...prev, v];
}
