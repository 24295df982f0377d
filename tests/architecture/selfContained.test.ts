// CI runs on a fresh clone with nothing beside it: tests and the bench may read only files of
// this repository (fixtures are copied into tests/fixtures/, never read from ../shared/).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function files(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : files(rel);
    return /\.(ts|tsx|mjs|js)$/.test(e.name) ? [rel] : [];
  });
}

describe('self-contained tests', () => {
  it('no test or bench file reaches past the repository root', () => {
    const outside: string[] = [];
    const self = path.relative(root, import.meta.filename);
    for (const file of [...files('tests'), ...files('bench'), ...files('scripts')].filter((f) => f !== self)) {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      // Path pieces that climb out: a join of ".." then "shared", or a relative path deeper than the file.
      if (/['"]\.\.['"]\s*,\s*['"]shared['"]/.test(text)) outside.push(`${file}: '..', 'shared'`);
      for (const m of text.matchAll(/['"`]((?:\.\.\/)+)shared\/[^'"`]*['"`]/g)) {
        if (m[1].length / 3 > path.dirname(file).split(path.sep).length) outside.push(`${file}: ${m[0]}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('the sample workbooks the tests import are in tests/fixtures/samples', () => {
    const names = fs.readdirSync(path.join(root, 'tests', 'fixtures', 'samples'));
    expect(names).toEqual(expect.arrayContaining(['文明校园测评体系（示例）.xlsx', '国家卫生城市评分表（示例）.docx', '简易测评体系（示例）.csv']));
  });
});
