import type { ImportColumn, ImportColumnRole, ImportMapping } from '../../../shared/domain';

/** The choices a clerk has for one column, as select values ('level:2' carries the level). */
export const ROLE_OPTIONS: { value: string; label: string }[] = [
  { value: 'ignored', label: '不导入' },
  { value: 'level:1', label: '一级指标' },
  { value: 'level:2', label: '二级指标' },
  { value: 'level:3', label: '三级指标' },
  { value: 'title', label: '指标名称' },
  { value: 'numbering', label: '序号' },
  { value: 'code', label: '编码' },
  { value: 'parentCode', label: '上级编码' },
  { value: 'content', label: '测评内容' },
  { value: 'standard', label: '测评标准' },
  { value: 'methods', label: '测评方法' },
  { value: 'score', label: '分值' },
  { value: 'materials', label: '应备材料' },
  { value: 'unit', label: '责任单位' },
];

export function roleValue(column: ImportColumn | undefined): string {
  if (!column) return 'ignored';
  return column.role === 'level' ? `level:${column.level ?? 1}` : column.role;
}

export function columnFromValue(col: number, value: string): ImportColumn {
  if (value.startsWith('level:')) return { col, role: 'level', level: Number(value.slice('level:'.length)) };
  return { col, role: value as ImportColumnRole };
}

/** Set one column's role in a mapping (a copy); 'ignored' columns are simply left out. */
export function withColumn(mapping: ImportMapping, col: number, value: string): ImportMapping {
  const columns = mapping.columns.filter((c) => c.col !== col);
  if (value !== 'ignored') columns.push(columnFromValue(col, value));
  return { ...mapping, columns: columns.sort((a, b) => a.col - b.col) };
}
