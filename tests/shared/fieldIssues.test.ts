// A refused call's complaints become Chinese sentences for the clerk at the field they concern;
// the raw schema text stays in `detail`, for support.
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../shared/api';
import { ApiError, toErrorShape } from '../../shared/errors';
import { fieldIssues, issuesSummary } from '../../shared/fieldIssues';
import { z } from '../../shared/api/define';

function refusal(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('not refused');
}

describe('schema issues → field messages', () => {
  it('a 档号规则 without {件号} is named at rule.pattern, in the schema’s own words', () => {
    const err = refusal(() => parseArgs('dossiers.setArchivalRule', { dossierId: 1, rule: { pattern: '{年度}-' } }));
    expect(err.code).toBe('invalid_args');
    expect(err.fields).toEqual([{ path: 'rule.pattern', label: '档号规则', message: '档号规则必须包含 {件号}' }]);
    // The toast line does not repeat the label, and has no method name nor schema path.
    expect(err.message).toBe('档号规则必须包含 {件号}');
    expect(err.message).not.toMatch(/参数无效|setArchivalRule|rule\.pattern/);
    // Support still gets the technical line.
    expect(err.detail).toMatch(/参数无效（dossiers\.setArchivalRule）：rule\.pattern/);
  });

  it('zod’s own programmer messages are rewritten for a clerk', () => {
    const schema = z.object({ title: z.string().max(5), count: z.number(), kind: z.enum(['a', 'b']), name: z.string().min(1) }).strict();
    const result = schema.safeParse({ title: '一二三四五六', count: '3', kind: 'c', name: '', extra: 1 });
    expect(result.success).toBe(false);
    const fields = fieldIssues(result.error!.issues);
    expect(fields).toEqual([
      { path: 'title', label: '标题', message: '最多 5 个字' },
      { path: 'count', label: '', message: '请填写数字' },
      { path: 'kind', label: '', message: '请从选项中选择' },
      { path: 'name', label: '名称', message: '请填写此项' },
    ]);
    for (const f of fields) expect(f.message).not.toMatch(/[A-Za-z]|期望|string|undefined/);
    expect(issuesSummary(fields)).toBe('标题：最多 5 个字；请填写数字；请从选项中选择；另有 1 处需要修改');
  });

  it('unknown keys are a program’s mistake: no field message, a general sentence, the keys in detail', () => {
    const err = refusal(() => parseArgs('dossiers.list', { bogus: 1 }));
    expect(err.fields).toEqual([]);
    expect(err.message).toMatch(/详细信息/);
    expect(err.detail).toMatch(/bogus/);
  });

  it('fields and detail cross the transports, and an unexpected error shows no raw text', () => {
    const err = refusal(() => parseArgs('dossiers.setArchivalRule', { dossierId: 1, rule: { itemDigits: 12 } }));
    const shape = JSON.parse(JSON.stringify(toErrorShape(err)));
    expect(shape.fields).toEqual([{ path: 'rule.itemDigits', label: '件号位数', message: '件号位数最多为 8' }]);
    expect(shape.detail).toMatch(/参数无效/);
    const internal = toErrorShape(new TypeError("Cannot read properties of undefined (reading 'sha256')"));
    expect(internal.message).not.toMatch(/sha256|TypeError|undefined/);
    expect(internal.detail).toMatch(/sha256/);
  });
});
