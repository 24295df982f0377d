// The CLI gives the same numbers as the API the UI calls: coverage --json, selfeval --json,
// indicators preview; renew reports what did not match.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestArchive, repoRoot, tempDir } from '../helpers/tempArchive';
import { samplesDir } from './fixtures';
import { writePdfs } from './materialFiles';

const run = promisify(execFile);
const bin = path.join(repoRoot, 'bin', 'dossier.js');
const archiveDir = tempDir('dossier-cli-ind-');
const inputs = tempDir('dossier-cli-ind-in-');

async function dossier(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [bin, '--archive', archiveDir, ...args], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

/** What the UI sees: the same archive through the API. */
async function viaApi<T>(body: (api: ReturnType<typeof openTestArchive>['api']) => Promise<T>): Promise<T> {
  const a = openTestArchive(archiveDir);
  try {
    return await body(a.api);
  } finally {
    await a.close();
  }
}

afterAll(() => {
  fs.rmSync(archiveDir, { recursive: true, force: true });
  fs.rmSync(inputs, { recursive: true, force: true });
});

describe('indicator commands', () => {
  beforeAll(async () => {
    await dossier('init', '--name', '2025年度文明校园创建');
    await dossier('indicators', 'import', path.join(samplesDir, '文明校园测评体系（示例）.xlsx'));
    const [pdf] = await writePdfs(inputs, ['班子会议纪要']);
    await dossier('add', pdf, '--indicator', '1.1.1');
  }, 120_000);

  it('coverage --json equals coverage.get, including covered/total and score share of each category', async () => {
    const cli = JSON.parse(await dossier('coverage', '--json'));
    const api = await viaApi((a) => a['coverage.get']({ dossierId: 1 }));
    expect(cli).toEqual(api);
    const cat = api.find((r) => r.code === '1')!;
    expect(cat).toMatchObject({ coveredLeaves: 1, totalScore: 10 });
    expect(cat.coveredScore).toBeGreaterThan(0);
    // Veto leaves are not 缺项 and carry no score.
    expect(api.filter((r) => r.isLeaf && r.kind === 'veto').every((r) => !r.missing && r.totalScore === 0)).toBe(true);
  });

  it('selfeval --json with a pass line equals selfEval.get', async () => {
    const cli = JSON.parse(await dossier('selfeval', '--pass-line', '85', '--json'));
    const api = await viaApi((a) => a['selfEval.get']({ dossierId: 1 }));
    expect(cli).toEqual(api);
    expect(api).toMatchObject({ passLine: 85, maxScore: 64, result: 'fail' });
  });

  it('indicators preview prints counts and totals per level without saving', async () => {
    const out = await dossier('indicators', 'preview', path.join(samplesDir, '简易测评体系（示例）.csv'));
    expect(out).toContain('第 1 级：3 项，分值合计 100 分');
    expect(out).toContain('第 2 级：6 项，分值合计 100 分');
    expect(await viaApi(async (a) => (await a['systems.list']({})).length)).toBe(1);
  });

  it('renew copies the dossier onto another system and lists what did not match', async () => {
    const other = await viaApi((a) => a['systems.importFile']({ path: path.join(samplesDir, '简易测评体系（示例）.csv') }));
    const report = JSON.parse(await dossier('--dossier', '1', 'renew', String(other.id), '--name', '复核档案', '--json'));
    expect(report.dossier.name).toBe('复核档案');
    expect(report.materials).toBe(1);
    expect(report.linksUnmatched).toHaveLength(1);
  });
});
