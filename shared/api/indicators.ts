import type { CoverageRow, Indicator, IndicatorSystem, TemplateInfo } from '../domain';
import { absPath, dossierRef, id, noArgs, returns, text, z } from './define';

export const indicatorApi = {
  'systems.list': returns<IndicatorSystem[]>()(noArgs),
  'systems.templates': returns<TemplateInfo[]>()(noArgs),
  'systems.importTemplate': returns<IndicatorSystem>()(z.object({ templateId: z.string().min(1).max(100) }).strict()),
  'systems.importFile': returns<IndicatorSystem>()(z.object({ path: absPath, name: text(200).optional() }).strict()),
  'indicators.list': returns<Indicator[]>()(z.object({ systemId: id }).strict()),
  'coverage.get': returns<CoverageRow[]>()(dossierRef),
} as const;
