import type { Dossier, Indicator, Material } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { Archive } from '../archive/archive';
import { getDossier } from '../dossiers/repo';
import { listIndicators } from '../indicators/repo';
import { listMaterials } from '../materials/repo';
import type { ReasonKey } from './pdf/labels';

/** How a material's content gets into the packet PDF. */
export type ContentSource =
  | { type: 'pdf' }
  | { type: 'image' }
  | { type: 'docx' }
  | { type: 'text' }
  | { type: 'placeholder'; reason: ReasonKey };

/** One material filed under one indicator: the unit of the packet, the workbook and the folder. */
export interface Filing {
  /** 序号 and 件号: 1-based, in packet order, without gaps. */
  seq: number;
  indicator: Indicator;
  material: Material;
  source: ContentSource;
}

export interface PlanSection {
  indicator: Indicator;
  isLeaf: boolean;
  filings: Filing[];
}

export interface PacketPlan {
  dossier: Dossier;
  title: string;
  /** Every indicator in tree pre-order, each with the materials filed under it. */
  sections: PlanSection[];
  filings: Filing[];
  /** Distinct materials (one filed under two indicators counts once). */
  materialCount: number;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const LEGACY_WORD = new Set(['application/msword', 'application/vnd.ms-works', 'application/x-cfb']);
const SPREADSHEET = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
]);

/** Decided by the stored media type (from magic bytes), not by the clerk-chosen kind. */
export function classifySource(material: Material): ContentSource {
  const type = material.mediaType;
  if (type === 'application/pdf') return material.mergeable ? { type: 'pdf' } : { type: 'placeholder', reason: 'encrypted' };
  if (type.startsWith('image/')) return { type: 'image' };
  if (type === DOCX) return { type: 'docx' };
  if (type === 'text/plain') return { type: 'text' };
  if (LEGACY_WORD.has(type)) return { type: 'placeholder', reason: 'legacyWord' };
  if (SPREADSHEET.has(type)) return { type: 'placeholder', reason: 'spreadsheet' };
  if (type.startsWith('video/') || material.kind === 'video') return { type: 'placeholder', reason: 'video' };
  return { type: 'placeholder', reason: 'other' };
}

/** “2024年度文明单位创建迎检资料”; the period is left out when the name already starts with it. */
export function defaultTitle(dossier: Dossier): string {
  const name = dossier.name.replace(/迎检资料$/, '');
  const period = dossier.period && !name.startsWith(dossier.period) && !/^\d{4}年/.test(name) ? dossier.period : '';
  return `${period}${name}迎检资料`;
}

/**
 * Which materials go in, in which order: indicators in tree order, under each its materials in
 * filing order. A material filed under two indicators appears under both (each indicator's
 * section is complete on its own, as inspectors read them). Materials not yet filed under any
 * indicator are left out.
 */
export function buildPlan(archive: Archive, dossierId: number, title?: string): PacketPlan {
  const dossier = getDossier(archive.db, dossierId);
  if (dossier.systemId === null) {
    throw new ApiError('bad_input', '此档案尚未选择测评体系，无法按指标导出迎检资料');
  }
  const indicators = listIndicators(archive.db, dossier.systemId);
  const parents = new Set(indicators.map((i) => i.parentId).filter((id): id is number => id !== null));
  const sections: PlanSection[] = [];
  const filings: Filing[] = [];
  const distinct = new Set<number>();
  for (const indicator of indicators) {
    const section: PlanSection = { indicator, isLeaf: !parents.has(indicator.id), filings: [] };
    for (const material of listMaterials(archive.db, dossierId, indicator.id)) {
      const filing: Filing = { seq: filings.length + 1, indicator, material, source: classifySource(material) };
      section.filings.push(filing);
      filings.push(filing);
      distinct.add(material.id);
    }
    sections.push(section);
  }
  const chosen = title?.trim();
  return { dossier, title: chosen ? chosen : defaultTitle(dossier), sections, filings, materialCount: distinct.size };
}
