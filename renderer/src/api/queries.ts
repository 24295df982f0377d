// The loads the main screen opens with, each with the key its useQuery caches it under. Plain
// functions with no React and no antd, so that start-up (../startup.ts) can begin them before
// the rest of the renderer has been evaluated.
import type { ApiClient } from '../../../shared/api';
import {
  defaultMaterialSort,
  type CoverageRow,
  type Dossier,
  type Indicator,
  type MaterialIndex,
  type MaterialKind,
  type MaterialSortKey,
} from '../../../shared/domain';

export interface ListOrder {
  sort: MaterialSortKey;
  descending: boolean;
  kinds: MaterialKind[];
}

/** A clerk's order (日期, then 题名), as the core decides it, and every kind. */
export const defaultOrder: ListOrder = { ...defaultMaterialSort, kinds: [] };

export const dossiersQuery = (api: ApiClient) => ({ key: 'dossiers', load: (): Promise<Dossier[]> => api['dossiers.list']({}) });

export const indicatorsQuery = (api: ApiClient, systemId: number) => ({
  key: `indicators:${systemId}`,
  load: (): Promise<Indicator[]> => api['indicators.list']({ systemId }),
});

export const coverageQuery = (api: ApiClient, dossierId: number) => ({
  key: `coverage:${dossierId}`,
  load: (): Promise<CoverageRow[]> => api['coverage.get']({ dossierId }),
});

/** The order of a scope's materials, with its first rows; the key names the scope, not the order. */
export const materialIndexQuery = (api: ApiClient, dossierId: number, indicatorId: number | null, includeBelow: boolean, order: ListOrder) => ({
  key: `materials:${dossierId}:${indicatorId ?? 'all'}:${includeBelow}`,
  load: (): Promise<MaterialIndex> => api['materials.index']({ dossierId, indicatorId: indicatorId ?? undefined, includeBelow, ...order }),
});
