import type { SearchFilters } from '../../../shared/domain';

/** SQL conditions on `m` (material) for the search filters, with their named parameters. */
export function filterConditions(filters: SearchFilters): { where: string[]; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filters.kinds && filters.kinds.length > 0) {
    where.push('m.kind IN (SELECT value FROM json_each(@kinds))');
    params.kinds = JSON.stringify(filters.kinds);
  }
  if (filters.indicatorId !== undefined) {
    // The indicator and everything below it: a category's materials are its leaves' materials.
    where.push(`EXISTS (SELECT 1 FROM material_indicator l WHERE l.material_id = m.id AND l.indicator_id IN (
      WITH RECURSIVE sub(id) AS (SELECT @indicatorId UNION ALL SELECT i.id FROM indicator i JOIN sub ON i.parent_id = sub.id)
      SELECT id FROM sub))`);
    params.indicatorId = filters.indicatorId;
  }
  if (filters.responsibleUnit) {
    where.push(`EXISTS (SELECT 1 FROM material_indicator l JOIN indicator i ON i.id = l.indicator_id
      WHERE l.material_id = m.id AND names_unit(i.responsible_unit, @unit))`);
    params.unit = filters.responsibleUnit;
  }
  if (filters.dateFrom) {
    where.push("m.date != '' AND m.date >= @dateFrom");
    params.dateFrom = filters.dateFrom;
  }
  if (filters.dateTo) {
    where.push("m.date != '' AND m.date <= @dateTo");
    params.dateTo = filters.dateTo;
  }
  if (filters.unlinked) where.push('NOT EXISTS (SELECT 1 FROM material_indicator l WHERE l.material_id = m.id)');
  return { where, params };
}
