import type { IndicatorFields } from '../../../../shared/domain';

/** Editable field → column. Methods are stored as JSON. */
export const FIELD_COLUMNS: { [K in keyof IndicatorFields]: string } = {
  title: 'title',
  numbering: 'numbering',
  content: 'content',
  standard: 'standard',
  methods: 'methods',
  score: 'score',
  kind: 'kind',
  requiredMaterials: 'required_materials',
  responsibleUnit: 'responsible_unit',
  responsiblePerson: 'responsible_person',
  deadline: 'deadline',
};

export function columnValue<K extends keyof IndicatorFields>(key: K, value: IndicatorFields[K]): string | number | null {
  if (key === 'methods') return JSON.stringify(value);
  return value as string | number | null;
}
