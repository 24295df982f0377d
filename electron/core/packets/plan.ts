import { DOCX_MEDIA_TYPE as DOCX, MINUTES_MEDIA_TYPE, OFD_MEDIA_TYPE as OFD, XLSX_MEDIA_TYPE as XLSX, type Dossier, type Indicator, type Material, type PacketDefinition } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { Archive } from '../archive/archive';
import { getDossier } from '../dossiers/repo';
import { getSelfEvaluation } from '../dossiers/selfEvaluation';
import { listIndicators } from '../indicators/repo';
import { listMaterials } from '../materials/listing';
import type { ArchivalParts } from '../../../shared/domain';
import { storedArchivalParts } from '../archival/archivalCode';
import type { ReasonKey } from './pdf/labels';
import { isOfficeToConvert } from '../convert/officeFormats';

/** How a material's content gets into the packet PDF. */
export type ContentSource =
  | { type: 'pdf' }
  | { type: 'image' }
  | { type: 'photoGroup' }
  | { type: 'docx' }
  /** OFD (电子公文): its pages drawn as they are laid out (see ofd/). */
  | { type: 'ofd' }
  | { type: 'text' }
  | { type: 'minutes' }
  | { type: 'spreadsheet' }
  /** Legacy Word/Excel, WPS and slides: LibreOffice's PDF of it (see convert/). */
  | { type: 'office' }
  /** Video and audio: a page that describes it (and shows frames of a video). */
  | { type: 'media' }
  | { type: 'placeholder'; reason: ReasonKey };

/** One material filed under one indicator: the unit of the packet, the workbook and the folder. */
export interface Filing {
  /** 序号: 1-based, in packet order, without gaps. */
  seq: number;
  indicator: Indicator;
  material: Material;
  source: ContentSource;
  /** 档号 as stored when the material was numbered (归档); '' before. */
  code: string;
  archival: ArchivalParts;
}

export interface PlanSection {
  indicator: Indicator;
  isLeaf: boolean;
  /** The dossier's 自评 for this indicator, as the divider prints it; '' when not evaluated. */
  selfScore: string;
  /** 结论性说明 for the 测评材料提交表; '' when none was written. */
  statement: string;
  filings: Filing[];
}

export interface PacketPlan {
  dossier: Dossier;
  title: string;
  definition: PacketDefinition;
  /** The chosen indicators in tree pre-order, each with the materials filed under it. */
  sections: PlanSection[];
  filings: Filing[];
  /** Distinct materials (one filed under two indicators counts once). */
  materialCount: number;
  /** Chosen leaves without material, left out of the packet (definition.emptyIndicators 'omit'): the 缺项 report's rows. */
  omitted: PlanSection[];
}

/** Sources the browser prints to PDF: without one they become a placeholder page. */
const PRINTED = new Set<ContentSource['type']>(['docx', 'ofd', 'text', 'minutes', 'spreadsheet']);

export const isPrintedSource = (source: ContentSource): boolean => PRINTED.has(source.type);

/** Decided by the stored media type (from magic bytes), not by the clerk-chosen kind. */
export function classifySource(material: Material): ContentSource {
  const type = material.mediaType;
  if (type === MINUTES_MEDIA_TYPE) return { type: 'minutes' };
  if (material.kind === 'photo_group' && (material.photos?.length ?? 0) > 0) return { type: 'photoGroup' };
  // Even an encrypted PDF: the merge decides, after qpdf has tried an empty password.
  if (type === 'application/pdf') return { type: 'pdf' };
  if (type.startsWith('image/')) return { type: 'image' };
  if (type === DOCX) return { type: 'docx' };
  if (type === OFD) return { type: 'ofd' };
  if (type === XLSX) return { type: 'spreadsheet' };
  if (type === 'text/plain') return { type: 'text' };
  if (isOfficeToConvert(type)) return { type: 'office' };
  // An OLE file filed before its kind was told apart (no extension to go by): read as Word.
  if (type === 'application/x-cfb') return { type: 'office' };
  if (type.startsWith('video/') || type.startsWith('audio/')) return { type: 'media' };
  if (material.kind === 'video') return { type: 'placeholder', reason: 'video' };
  return { type: 'placeholder', reason: 'other' };
}

/** “2024年度文明单位创建迎检资料”; the period is left out when the name already starts with it. */
export function defaultTitle(dossier: Dossier): string {
  const name = dossier.name.replace(/迎检资料$/, '');
  const period = dossier.period && !name.startsWith(dossier.period) && !/^\d{4}年/.test(name) ? dossier.period : '';
  return `${period}${name}迎检资料`;
}

/** Indicator order, then date (undated last), then filing order; the clerk's moves first. */
function orderMaterials(materials: Material[], order: number[]): Material[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  const byDate = (m: Material) => (/^\d{8}$/.test(m.date) ? m.date : '99999999');
  return materials
    .map((m, i) => ({ m, i }))
    .sort((a, b) => {
      const ra = rank.get(a.m.id) ?? Infinity;
      const rb = rank.get(b.m.id) ?? Infinity;
      if (ra !== rb) return ra < rb ? -1 : 1;
      const da = byDate(a.m);
      const db = byDate(b.m);
      return da !== db ? (da < db ? -1 : 1) : a.i - b.i;
    })
    .map((x) => x.m);
}

/**
 * Which materials go in, in which order: the chosen indicators in tree order, under each its
 * chosen materials (by the clerk's order, then date). A material filed under two indicators
 * appears under both (each section is complete on its own, as inspectors read them). Materials
 * not filed under any chosen indicator are left out. 档号 and 件号 are the stored ones.
 */
export function buildPlan(archive: Archive, dossierId: number, definition: PacketDefinition, titleOverride?: string): PacketPlan {
  const dossier = getDossier(archive.db, dossierId);
  if (dossier.systemId === null) {
    throw new ApiError('bad_input', '此档案尚未选择测评体系，无法按指标导出迎检资料');
  }
  const all = listIndicators(archive.db, dossier.systemId);
  const chosen = definition.indicatorIds === null ? null : new Set(definition.indicatorIds);
  const indicators = chosen ? all.filter((i) => chosen.has(i.id)) : all;
  if (indicators.length === 0) throw new ApiError('bad_input', '所选指标都已不在测评体系中，请重新选择指标');
  const onlyMaterials = definition.materialIds === null ? null : new Set(definition.materialIds);
  const parents = new Set(all.map((i) => i.parentId).filter((id): id is number => id !== null));
  const evaluation = new Map(getSelfEvaluation(archive.db, dossierId).rows.map((r) => [r.indicatorId, r]));
  const selfScoreOf = (id: number): string => {
    const r = evaluation.get(id);
    if (!r) return '';
    if (r.kind === 'veto') return r.vetoStatus ? vetoStatusText[r.vetoStatus] : '';
    if (r.met !== null) return r.met ? '达标' : '未达标';
    return r.selfScore === null ? '' : `${r.selfScore} 分`;
  };
  const everySection: PlanSection[] = [];
  const filings: Filing[] = [];
  const distinct = new Set<number>();
  for (const indicator of indicators) {
    const section: PlanSection = {
      indicator,
      isLeaf: !parents.has(indicator.id),
      selfScore: selfScoreOf(indicator.id),
      statement: evaluation.get(indicator.id)?.statement ?? '',
      filings: [],
    };
    const materials = listMaterials(archive.db, dossierId, indicator.id).filter((m) => !onlyMaterials || onlyMaterials.has(m.id));
    for (const material of orderMaterials(materials, definition.materialOrder)) {
      const filing: Filing = {
        seq: filings.length + 1,
        indicator,
        material,
        source: classifySource(material),
        code: material.archivalCode,
        archival: storedArchivalParts(archive.db, material.id) ?? { fonds: '', year: '', retention: '', item: '' },
      };
      section.filings.push(filing);
      filings.push(filing);
      distinct.add(material.id);
    }
    everySection.push(section);
  }
  const { sections, omitted } = definition.emptyIndicators === 'show' ? { sections: everySection, omitted: [] } : withoutGaps(everySection);
  const title = titleOverride?.trim() || definition.cover.title.trim() || defaultTitle(dossier);
  return { dossier, title, definition, sections, filings, materialCount: distinct.size, omitted };
}

export const vetoStatusText = { excluded: '已排除', present: '存在' } as const;

/**
 * The inspectors' packet leaves out indicators with nothing to show, and categories with none of
 * those below them (no material is ever dropped). An indicator stays when it has material, a 结论性说明, or (否决项) a stated 已排除/存在:
 * each is something the unit means to present. What is left out goes to the internal 缺项 report.
 */
function withoutGaps(all: PlanSection[]): { sections: PlanSection[]; omitted: PlanSection[] } {
  const shown = (s: PlanSection) => s.filings.length > 0 || s.statement !== '' || (s.indicator.kind === 'veto' && s.selfScore !== '');
  const kept = new Set<number>();
  const byId = new Map(all.map((s) => [s.indicator.id, s]));
  for (const s of all) {
    if (!shown(s)) continue;
    for (let at: PlanSection | undefined = s; at && !kept.has(at.indicator.id); at = at.indicator.parentId === null ? undefined : byId.get(at.indicator.parentId)) {
      kept.add(at.indicator.id);
    }
  }
  return {
    sections: all.filter((s) => kept.has(s.indicator.id)),
    omitted: all.filter((s) => s.isLeaf && !kept.has(s.indicator.id)),
  };
}

/** The same plan cut to some sections (volumes, 网上申报 files); 件号 and 档号 stay as they were. */
export function subPlan(plan: PacketPlan, sections: PlanSection[], title = plan.title): PacketPlan {
  const filings = sections.flatMap((s) => s.filings);
  return { ...plan, title, sections, filings, materialCount: new Set(filings.map((f) => f.material.id)).size, omitted: [] };
}
