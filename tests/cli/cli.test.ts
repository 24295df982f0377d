// The CLI as a script would use it: real processes, real archive folder, exit codes.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../helpers/tempArchive';

const run = promisify(execFile);
const bin = path.join(repoRoot, 'bin', 'dossier.js');

async function dossier(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('dossier CLI', () => {
  const archive = tempDir('dossier-cli-');
  const inputs = tempDir('dossier-cli-in-');
  const csv = path.join(repoRoot, 'tests', 'fixtures', 'samples', '简易测评体系（示例）.csv');

  beforeAll(async () => {
    fs.mkdirSync(path.join(inputs, '活动照片'));
    await sharp({ create: { width: 80, height: 60, channels: 3, background: '#2a6' } })
      .jpeg()
      .toFile(path.join(inputs, '活动照片', '志愿服务20240312.jpg'));
    const pdf = await PDFDocument.create();
    pdf.addPage();
    fs.writeFileSync(path.join(inputs, 'plan.pdf'), await pdf.save());
    fs.writeFileSync(path.join(inputs, '空文件.pdf'), '');
  });

  it('lists its commands in --help', async () => {
    const r = await dossier('--help');
    expect(r.code).toBe(0);
    for (const cmd of ['init', 'indicators', 'add', 'link', 'list', 'search', 'coverage', 'export', 'verify', 'demo']) {
      expect(r.stdout).toContain(cmd);
    }
  });

  it('exits 2 on a usage error', async () => {
    expect((await dossier('init', '--archive', archive)).code).toBe(2);
    expect((await dossier('no-such-command')).code).toBe(2);
  });

  it('runs init → indicators import → add → list → link → search → coverage → verify', async () => {
    expect((await dossier('init', '--archive', archive, '--name', '2024年度文明单位创建', '--unit', '示例局')).code).toBe(0);

    const imported = await dossier('indicators', 'import', csv, '--archive', archive);
    expect(imported.code, imported.stderr).toBe(0);
    const list = JSON.parse((await dossier('indicators', 'list', '--archive', archive, '--json')).stdout) as {
      code: string;
      title: string;
      parentCode: string | null;
      score: number | null;
      kind: string;
    }[];
    expect(list.find((i) => i.code === 'A1')).toMatchObject({ title: '创建工作领导小组', parentCode: 'A', score: 10, kind: 'scored' });

    const added = await dossier('add', inputs, '--archive', archive, '--indicator', 'A1', '--json');
    expect(added.code).toBe(1); // the empty file fails: partial failure
    const report = JSON.parse(added.stdout) as {
      added: { path: string; id: number; indicators: string[] }[];
      duplicates: unknown[];
      failed: { path: string; reason: string }[];
    };
    expect(report.added).toHaveLength(2);
    expect(report.added.every((a) => a.indicators.includes('A1'))).toBe(true);
    expect(report.failed).toEqual([{ path: path.join(inputs, '空文件.pdf'), reason: '文件为空（0 字节）' }]);
    expect(added.stderr).toContain('空文件.pdf');

    const again = JSON.parse((await dossier('add', inputs, '--archive', archive, '--json')).stdout) as { duplicates: unknown[] };
    expect(again.duplicates).toHaveLength(2);

    const photo = report.added.find((a) => a.path.endsWith('.jpg'))!;
    expect((await dossier('link', String(photo.id), 'B2', '--archive', archive)).code).toBe(0);
    const underB2 = JSON.parse((await dossier('list', '--archive', archive, '--indicator', 'B2', '--json')).stdout) as {
      id: number;
      sha256: string;
      indicators: string[];
    }[];
    expect(underB2.map((m) => m.id)).toEqual([photo.id]);
    expect(underB2[0].indicators).toEqual(['A1', 'B2']);
    expect(underB2[0].sha256).toMatch(/^[0-9a-f]{64}$/);

    const found = JSON.parse((await dossier('search', '志愿', '--archive', archive, '--json')).stdout) as { id: number }[];
    expect(found.map((m) => m.id)).toEqual([photo.id]);

    const coverage = JSON.parse((await dossier('coverage', '--archive', archive, '--json')).stdout) as {
      code: string;
      missing: boolean;
      materialCount: number;
    }[];
    expect(coverage.find((c) => c.code === 'A1')).toMatchObject({ missing: false, materialCount: 2 });
    expect(coverage.find((c) => c.code === 'C1')).toMatchObject({ missing: true, materialCount: 0 });

    const verify = await dossier('verify', '--archive', archive, '--json');
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, filesChecked: 2 });
  }, 180_000); // a dozen commands, each a cold start of Node and tsx

  it('verify exits 1 and names the file whose bytes changed', async () => {
    const list = JSON.parse((await dossier('list', '--archive', archive, '--json')).stdout) as { id: number; sha256: string; title: string }[];
    const victim = list[0];
    const file = path.join(archive, 'files', victim.sha256.slice(0, 2), victim.sha256.slice(2, 4), victim.sha256);
    fs.chmodSync(file, 0o644);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length >> 1] ^= 0xff;
    fs.writeFileSync(file, bytes);
    const r = await dossier('verify', '--archive', archive, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { problems: { materialId: number; check: string }[] };
    expect(report.problems).toEqual([expect.objectContaining({ materialId: victim.id, check: 'authenticity' })]);
    expect(r.stderr).toContain(victim.title);
  });
});
