import type { AddReport, Material } from '../domain';
import { absPath, id, returns, z } from './define';

const linkRef = z.object({ materialId: id, indicatorId: id }).strict();

export const materialApi = {
  'materials.add': returns<AddReport>()(
    z
      .object({
        dossierId: id,
        paths: z.array(absPath).min(1, '请至少选择一个文件').max(100_000),
        indicatorIds: z.array(id).max(1000).default([]),
      })
      .strict(),
  ),
  'materials.list': returns<Material[]>()(z.object({ dossierId: id, indicatorId: id.optional() }).strict()),
  'materials.search': returns<Material[]>()(
    z.object({ dossierId: id, query: z.string().trim().min(1, '请输入搜索词').max(200) }).strict(),
  ),
  'materials.link': returns<Material>()(linkRef),
  'materials.unlink': returns<Material>()(linkRef),
} as const;
