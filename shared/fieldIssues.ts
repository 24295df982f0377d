// The one place where a schema's complaint becomes a sentence for the clerk, at the field it
// concerns. Every form reads these through the error's `fields`; the raw zod text is kept only
// for the 详细信息 fold (support).
import type { z } from 'zod';
import type { FieldIssue } from './errors';

/** How a clerk names a field, by its last path segment (the forms' own labels). */
const fieldLabels: Record<string, string> = {
  pattern: '档号规则',
  fondsNumber: '全宗号',
  itemDigits: '件号位数',
  defaultRetention: '保管期限',
  name: '名称',
  title: '标题',
  unit: '单位',
  period: '年度',
  date: '日期',
  note: '备注',
  notes: '备注',
  watermark: '水印文字',
  code: '编号',
  score: '分值',
  statement: '结论性说明',
  responsible: '责任人',
  deadline: '完成时限',
  caption: '说明',
  place: '地点',
  host: '主持人',
  recorder: '记录人',
  attendees: '参加人员',
  content: '内容',
  outDir: '保存位置',
  path: '文件位置',
  capMb: '大小上限',
  photosPerPage: '每页照片数',
  imageQuality: '图片质量',
  indicatorIds: '指标',
};

// zod's own messages (zh-CN locale or its English default) are written for programmers;
// a message the schema wrote itself (“档号规则必须包含 {件号}”) is already the clerk's.
const generic = /^(无效|数值过大|数值过小|出现未知的键|Invalid|Too (big|small)|Unrecognized)/;

type Issue = z.core.$ZodIssue;

function plainMessage(issue: Issue): string {
  if (issue.message && !generic.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string') return `最多 ${String(issue.maximum)} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多选择 ${String(issue.maximum)} 项`;
      return `不能大于 ${String(issue.maximum)}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '请填写此项' : `至少 ${String(issue.minimum)} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `至少选择 ${String(issue.minimum)} 项`;
      return `不能小于 ${String(issue.minimum)}`;
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int') return '请填写数字';
      if (issue.expected === 'string') return '请填写文字';
      return '填写的内容不对，请检查';
    case 'invalid_value':
      return '请从选项中选择';
    case 'invalid_format':
      return '格式不对，请检查';
    case 'not_multiple_of':
      return issue.divisor === 1 ? '请填写整数' : '数值不对，请检查';
    default:
      return '填写的内容不对，请检查';
  }
}

/** The field's Chinese name, or '' when the path names nothing a clerk sees (an id, a list index). */
export function fieldLabel(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i -= 1) {
    const key = path[i];
    if (typeof key === 'string') return fieldLabels[key] ?? '';
  }
  return '';
}

/**
 * Schema issues → one Chinese message per field, path joined with dots ("rule.pattern").
 * Unknown keys are a program's mistake, not the clerk's: they stay out (the fold keeps them).
 */
export function fieldIssues(issues: readonly Issue[]): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol').join('.');
    if (out.some((f) => f.path === path)) continue;
    out.push({ path, label: fieldLabel(issue.path), message: plainMessage(issue) });
  }
  return out;
}

/** One line for a toast: “档号规则：档号规则必须包含 {件号}”, without repeating the label. */
export function issuesSummary(fields: readonly FieldIssue[]): string {
  if (fields.length === 0) return '提交的内容有误，这次没有保存；请把“详细信息”交给技术支持';
  const line = (f: FieldIssue) => (f.label && !f.message.startsWith(f.label) ? `${f.label}：${f.message}` : f.message);
  const head = fields.slice(0, 3).map(line).join('；');
  return fields.length > 3 ? `${head}；另有 ${fields.length - 3} 处需要修改` : head;
}
