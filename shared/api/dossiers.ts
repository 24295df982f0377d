import type { Dossier } from '../domain';
import { id, noArgs, returns, text, z } from './define';

export const dossierCreateSchema = z
  .object({
    name: text(200).min(1, '请填写档案名称'),
    unit: text(200).default(''),
    period: text(100).default(''),
    systemId: id.nullable().default(null),
  })
  .strict();

export const dossierApi = {
  'dossiers.list': returns<Dossier[]>()(noArgs),
  'dossiers.create': returns<Dossier>()(dossierCreateSchema),
  'dossiers.setSystem': returns<Dossier>()(z.object({ dossierId: id, systemId: id }).strict()),
} as const;
