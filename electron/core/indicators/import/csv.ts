import { ApiError } from '../../../../shared/errors';
import type { ParsedIndicator, ParsedSystem } from './types';

// Minimal reader for code-column CSVs (编码, 名称, 上级编码, 分值, 测评方法 …).
export function parseCsvTable(bytes: Buffer, name: string): ParsedSystem {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const rows = text.split(/\r?\n/).filter((l) => l.trim()).map((l) => l.split(','));
  const header = rows[0]?.map((h) => h.trim()) ?? [];
  const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const c = { code: col('编码', '代码'), title: col('名称', '指标名称'), parent: col('上级编码'), score: col('分值'), method: col('测评方法', '测评方式') };
  if (c.code < 0 || c.title < 0) throw new ApiError('bad_input', `“${name}”中没有找到表头（编码、名称）`);
  const indicators: ParsedIndicator[] = rows.slice(1).map((r) => ({
    code: r[c.code].trim(),
    parentCode: c.parent >= 0 && r[c.parent]?.trim() ? r[c.parent].trim() : null,
    numbering: '',
    title: r[c.title].trim(),
    content: '',
    standard: '',
    methods: c.method >= 0 && r[c.method]?.trim() ? r[c.method].trim().split(/[、,，]/) : [],
    score: c.score >= 0 && r[c.score]?.trim() ? Number(r[c.score]) : null,
    kind: 'scored',
    requiredMaterials: '',
    responsibleUnit: '',
  }));
  return { name, indicators, warnings: [] };
}
