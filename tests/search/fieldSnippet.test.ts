// A match in a material's metadata is shown with the field's name, as the clerk knows it, not as
// the index's run-on line of every field.
import { describe, expect, it } from 'vitest';
import { fieldSnippet } from '../../electron/core/search/snippets';
import { sourceLine } from '../../renderer/src/materials/sourceLine';

describe('metadata snippets and source lines', () => {
  it('names the field holding the match, and shows a date as the clerk reads it', () => {
    const fields: [string, string | null][] = [['文件名', '材料1.pdf'], ['责任者', '办公室 王芳'], ['日期', '20230615'], ['地点', '三楼会议室']];
    expect(fieldSnippet(fields, '王芳')).toBe('责任者：办公室 王芳');
    expect(fieldSnippet(fields, '20230615')).toBe('日期：2023-06-15');
    expect(fieldSnippet(fields, '会议室')).toBe('地点：三楼会议室');
    expect(fieldSnippet(fields, '献血')).toBeNull();
    // A 会议纪要's file name comes back NULL from the query: never shown.
    expect(fieldSnippet([['文件名', null], ['备注', '纪要']], 'json')).toBeNull();
  });

  it('a 会议纪要 is “会议纪要 · date”, never its JSON file and bytes; a file has its kind in Chinese', () => {
    const base = { photos: [], size: 656, date: '20230615' };
    expect(sourceLine({ ...base, kind: 'minutes', originalName: '会议纪要-3f2a.json', mediaType: 'application/vnd.dossier.minutes+json' })).toBe('会议纪要 · 2023-06-15');
    const pdf = sourceLine({ ...base, kind: 'document', originalName: '通知.pdf', mediaType: 'application/pdf', size: 2048 });
    expect(pdf).toMatch(/^通知\.pdf · PDF 文档 · /);
    expect(pdf).not.toMatch(/application|json/);
  });
});
