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
  { value: 'codeFor', label: '本级编号（名称在旁边一列）' },
  { value: 'parentCode', label: '上级编码' },
  { value: 'content', label: '测评内容' },
  { value: 'standard', label: '测评标准' },
  { value: 'methods', label: '测评方法' },
  { value: 'score', label: '分值' },
  { value: 'materials', label: '应备材料' },
  { value: 'unit', label: '责任单位' },
  { value: 'person', label: '责任人' },
  { value: 'deadline', label: '完成时限' },
];

export function roleValue(column: ImportColumn | undefined): string {
  if (!column) return 'ignored';
  if (column.role === 'code' && column.codeFor !== undefined) return 'codeFor';
  return column.role === 'level' ? `level:${column.level ?? 1}` : column.role;
}

/** `codeFor`: the name column a level's code column numbers (the next one unless already known). */
export function columnFromValue(col: number, value: string, codeFor = col + 1): ImportColumn {
  if (value === 'codeFor') return { col, role: 'code', codeFor };
  if (value.startsWith('level:')) return { col, role: 'level', level: Number(value.slice('level:'.length)) };
  return { col, role: value as ImportColumnRole };
}

/** Set one column's role in a mapping (a copy); 'ignored' columns are simply left out. */
export function withColumn(mapping: ImportMapping, col: number, value: string): ImportMapping {
  const before = mapping.columns.find((c) => c.col === col);
  const columns = mapping.columns.filter((c) => c.col !== col);
  if (value !== 'ignored') columns.push(columnFromValue(col, value, before?.codeFor));
  return { ...mapping, columns: columns.sort((a, b) => a.col - b.col) };
}
