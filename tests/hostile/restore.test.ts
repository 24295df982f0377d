// Issue 11, point 3: hostile backups on restore. Each backup here is made on the spot from a
// genuine one, as an attacker would: zip bombs, sizes that lie, manifest lines naming files
// outside the target, unlisted entries, a cut-off zip. Each is refused with a Chinese message
// naming the backup before more than a little is written, nothing is left behind, and the
// archive it came from is untouched; a genuine backup still restores byte for byte.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../electron/core/backup/createBackup';
import { manifestOfFolder, MANIFEST_NAME, META_NAME } from '../../electron/core/backup/manifest';
import { restoreBackup } from '../../electron/core/backup/restoreBackup';
import { openRestoreStaging, STAGING_ROOT } from '../../electron/core/backup/restoreStaging';
import { runDossier } from '../helpers/cli';
import { openTestArchive, repoRoot, tempDir } from '../helpers/tempArchive';
import { png } from '../packets/fixtures';
import { craftZip, entriesOf, manifestLine, type CraftEntry } from './hostileBackups';

const MB = 1024 ** 2;
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** Bytes this process has handed to write() so far (Linux): what a restore wrote, all told. */
function bytesWritten(pid: number | 'self' = 'self'): number {
  return Number(/^wchar: (\d+)$/m.exec(fs.readFileSync(`/proc/${pid}/io`, 'utf8'))![1]);
}

/** Run `work`, sampling this process's resident memory; its growth over the start, at peak. */
async function measured<T>(work: () => Promise<T>): Promise<{ outcome: T | Error; ms: number; written: number; rssGrowth: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const written = bytesWritten();
  const start = performance.now();
  const outcome = await work().catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));
  const ms = performance.now() - start;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { outcome, ms, written: bytesWritten() - written, rssGrowth: peak - before };
}

describe('hostile backups on restore', () => {
  const notesHome = tempDir('dossier-xdg-'); // notes of restores in flight go here, not in $HOME
  const previousXdg = process.env.XDG_DATA_HOME;
  let source = '';
  let sourceManifest = '';
  let genuine = '';
  let parts: (CraftEntry & { name: string })[] = [];
  let meta: { sizes: Record<string, number> } & Record<string, unknown>;
  const original = () => parts.find((p) => p.name.startsWith('files/'))!;

  beforeAll(async () => {
    process.env.XDG_DATA_HOME = notesHome;
    const t = openTestArchive();
    try {
      const d = await t.api['dossiers.create']({ name: '恢复测试', unit: '示例单位' });
      const inputs = tempDir('dossier-hostile-in-');
      fs.writeFileSync(path.join(inputs, '说明.txt'), '创建工作说明'.repeat(50));
      await png(path.join(inputs, '活动照片.png'), 90, 60);
      await t.api['materials.add']({ dossierId: d.id, paths: [inputs], indicatorIds: [] });
      genuine = path.join(tempDir('dossier-hostile-out-'), '档案备份.zip');
      await createBackup(t.ctx.archive, genuine);
      source = t.dir;
    } finally {
      await t.close();
    }
    sourceManifest = await manifestOfFolder(source);
    // As createBackup writes them: originals and derived files stored, the rest deflated.
    parts = (await entriesOf(genuine)).map((e) => ({ ...e, method: /^(files|derived)\//.test(e.name) ? 0 : 8 }));
    meta = JSON.parse(parts.find((p) => p.name === META_NAME)!.data!.toString()) as typeof meta;
    expect(Object.keys(meta.sizes).sort()).toEqual(parts.filter((p) => p.name !== MANIFEST_NAME && p.name !== META_NAME).map((p) => p.name).sort());
  });
  afterAll(() => {
    if (previousXdg === undefined) delete process.env.XDG_DATA_HOME;
    else process.env.XDG_DATA_HOME = previousXdg;
  });

  /**
   * The genuine backup, changed: entries added (and listed in the manifest and sizes, as an
   * attacker keeping the backup consistent would) or replaced, manifest lines added raw, sizes set.
   */
  async function hostile(t: { add?: CraftEntry[]; unlisted?: CraftEntry[]; lines?: string[]; replace?: Record<string, Partial<CraftEntry>>; sizes?: Record<string, number>; withoutSizes?: boolean }): Promise<string> {
    const sizes = { ...meta.sizes, ...t.sizes };
    const extraLines = [...(t.lines ?? [])];
    for (const e of t.add ?? []) {
      extraLines.push(manifestLine(sha(e.name), e.name));
      sizes[e.name] ??= e.declaredSize ?? e.zeros ?? e.data!.length;
    }
    const body = parts.map((p) => ({ ...p, ...t.replace?.[p.name] }));
    const manifest = body.find((p) => p.name === MANIFEST_NAME)!;
    manifest.data = Buffer.concat([manifest.data!, Buffer.from(extraLines.join(''))]);
    body.find((p) => p.name === META_NAME)!.data = Buffer.from(JSON.stringify({ ...meta, sizes: t.withoutSizes ? undefined : sizes }));
    const file = path.join(tempDir('dossier-hostile-'), '备份.zip');
    await craftZip(file, [...body, ...(t.add ?? []), ...(t.unlisted ?? [])]);
    return file;
  }

  /** Restore `zip` into a fresh folder: refused with `message`, nothing left, the source untouched. */
  async function expectRefused(zip: string, message: string | RegExp, most = { written: 1 * MB, rss: 48 * MB, ms: 5_000 }) {
    const parent = tempDir('dossier-hostile-restore-');
    const target = path.join(parent, '恢复的档案库');
    const run = await measured(() => restoreBackup(zip, target));
    expect(run.outcome).toBeInstanceOf(Error);
    const text = (run.outcome as Error).message;
    expect(text).toMatch(message);
    expect(text).toContain(`备份文件 ${zip}`);
    expect(text).not.toMatch(/[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}/); // no library message in English
    expect(fs.readdirSync(parent)).toEqual([]); // no staging area, no target
    expect(run.written).toBeLessThan(most.written);
    expect(run.rssGrowth).toBeLessThan(most.rss);
    expect(run.ms).toBeLessThan(most.ms);
    expect(await manifestOfFolder(source)).toBe(sourceManifest);
    return run;
  }

  it('restores a genuine backup byte for byte, leaving nothing beside it', async () => {
    const parent = tempDir('dossier-hostile-restore-');
    const target = path.join(parent, '恢复的档案库');
    const restored = await restoreBackup(genuine, target);
    expect(restored.report.ok).toBe(true);
    expect(await manifestOfFolder(target)).toBe(parts.find((p) => p.name === MANIFEST_NAME)!.data!.toString());
    for (const p of parts.filter((e) => e.name !== MANIFEST_NAME && e.name !== META_NAME)) {
      expect(fs.readFileSync(path.join(target, p.name)).equals(p.data!), p.name).toBe(true);
    }
    expect(fs.readdirSync(parent)).toEqual(['恢复的档案库']);

    // One made before backup.json recorded sizes restores too (the ratio caps still bound it).
    const older = await restoreBackup(await hostile({ withoutSizes: true }), path.join(tempDir('dossier-hostile-restore-'), 'r'));
    expect(older.report.ok).toBe(true);
  });

  it('refuses a zip bomb (200 MB of zeros in 200 KB) before writing a byte of it', async () => {
    const bomb = await hostile({ add: [{ name: `derived/thumbs/00/${'0'.repeat(64)}.webp`, zeros: 200 * MB }] });
    expect(fs.statSync(bomb).size).toBeLessThan(MB);
    const run = await expectRefused(bomb, /压缩比异常（\d+ 倍，疑似压缩炸弹）/);
    console.info(`bomb 200 MB: refused in ${run.ms.toFixed(0)} ms, wrote ${run.written} B, RSS +${(run.rssGrowth / MB).toFixed(1)} MB`);
  });

  it('refuses a bomb in the database itself, and one spread over many entries under the per-entry threshold', async () => {
    const db = await hostile({ replace: { 'archive.db': { data: undefined, zeros: 100 * MB } }, sizes: { 'archive.db': 100 * MB } });
    await expectRefused(db, /“archive\.db”压缩比异常/);
    // 150 entries of exactly 1 MB each: none is checked by ratio on its own; their sum is.
    const spread = await hostile({ add: Array.from({ length: 150 }, (_, i) => ({ name: `derived/thumbs/aa/aa${sha(String(i)).slice(2)}.webp`, zeros: MB })) });
    await expectRefused(spread, /是其自身大小的 \d+ 倍（疑似压缩炸弹）/);
  });

  it('stops at the declared size when the central directory or the local header lies', async () => {
    // The database (the one entry a backup deflates) declares 1 MB everywhere but inflates to 64 MB.
    const lie = { data: undefined, zeros: 64 * MB, declaredSize: MB };
    const central = await hostile({ replace: { 'archive.db': lie }, sizes: { 'archive.db': MB } });
    const run = await expectRefused(central, '“archive.db”实际大小超过其声明大小', { written: 1.1 * MB, rss: 48 * MB, ms: 5_000 });
    // The local header claims 200 MB, the directory 1 MB: the directory is what counts.
    const local = await hostile({ replace: { 'archive.db': { ...lie, localSize: 200 * MB } }, sizes: { 'archive.db': MB } });
    const run2 = await expectRefused(local, '“archive.db”实际大小超过其声明大小', { written: 1.1 * MB, rss: 48 * MB, ms: 5_000 });
    console.info(`lying sizes (64 MB behind 1 MB): ${run.ms.toFixed(0)} / ${run2.ms.toFixed(0)} ms, wrote ${run.written} / ${run2.written} B, RSS +${(Math.max(run.rssGrowth, run2.rssGrowth) / MB).toFixed(1)} MB`);
  });

  it('refuses a deflated original: a backup stores originals and derived files, which cannot expand', async () => {
    const zip = await hostile({ replace: { [original().name]: { method: 8 } } });
    await expectRefused(zip, `“${original().name}”是压缩存放的`, { written: 64 * 1024, rss: 48 * MB, ms: 5_000 });
  });

  it('refuses an entry whose declared size differs from the size backup.json records, before writing', async () => {
    const zip = await hostile({ sizes: { [original().name]: original().data!.length + 1 } });
    await expectRefused(zip, `“${original().name}”在压缩包中声明为 ${original().data!.length} 字节，与清单记录的 ${original().data!.length + 1} 字节不符`, { written: 64 * 1024, rss: 48 * MB, ms: 5_000 });
  });

  it('refuses manifest lines naming files outside the target, by line, without reading them', async () => {
    const lineNo = parts.find((p) => p.name === MANIFEST_NAME)!.data!.toString().split('\n').length; // the first added line
    const cases: [string, RegExp][] = [
      ['../../etc/hostname', /含有“\.\.”/],
      ['../../dev/zero', /含有“\.\.”/],
      ['derived/../../../etc/passwd', /含有“\.\.”/],
      ['/etc/passwd', /绝对路径/],
      ['C:/Windows/win.ini', /绝对路径/],
      [`files\\${original().name.slice(6).replace(/\//g, '\\')}`, /含有反斜杠/],
      ['files/ab/cd/a\u0000b', /空字符/],
      ['archive.db\r', /控制字符/],
      ['etc/hostname', /不在备份的目录结构内/],
      ['archive.db', /与第 \d+ 行重复/],
    ];
    for (const [name, reason] of cases) {
      const zip = await hostile({ lines: [manifestLine(sha(name), name)] });
      const run = await expectRefused(zip, new RegExp(`清单第 ${lineNo} 行“[^”]+”[^，]*${reason.source}`), { written: 64 * 1024, rss: 48 * MB, ms: 2_000 });
      expect(run.ms, name).toBeLessThan(2_000); // /dev/zero is never opened
    }
  });

  it('refuses unlisted entries, and leaves a stray derived file out instead of refusing', async () => {
    const unlisted = await hostile({ unlisted: [{ name: '说明.txt', data: Buffer.from('附加') }, { name: `files/00/00/00${'0'.repeat(62)}`, data: Buffer.from('x'), method: 0 }] });
    await expectRefused(unlisted, /中有清单以外的文件：说明\.txt、files\/00\/00\//);

    // A file browser's Thumbs.db under derived/ (backups copy all of derived/): restored without it.
    const stray = await hostile({ add: [{ name: 'derived/views/ab/Thumbs.db', data: Buffer.from('thumbs'), method: 0 }] });
    const target = path.join(tempDir('dossier-hostile-restore-'), 'r');
    const restored = await restoreBackup(stray, target);
    expect(restored.report.ok).toBe(true);
    expect(fs.existsSync(path.join(target, 'derived', 'views', 'ab', 'Thumbs.db'))).toBe(false);
  });

  it('refuses a truncated backup', async () => {
    const cut = path.join(tempDir('dossier-hostile-'), '截断.zip');
    const bytes = fs.readFileSync(genuine);
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expectRefused(cut, /压缩包不完整（文件被截断或未下载完）/);
  });

  it('`dossier restore` refuses the bomb with exit code 1, its memory bounded, nothing left', async () => {
    const work = tempDir('dossier-hostile-cli-');
    const hook = path.join(work, 'peak.cjs');
    fs.writeFileSync(hook, `process.on('exit', () => require('fs').writeSync(2, '\\nPEAK ' + process.resourceUsage().maxRSS * 1024 + ' ' + /wchar: (\\d+)/.exec(require('fs').readFileSync('/proc/self/io', 'utf8'))[1] + '\\n'));`);
    const env = { NODE_OPTIONS: `--require ${hook}`, XDG_DATA_HOME: notesHome };
    const peak = (stderr: string) => /PEAK (\d+) (\d+)/.exec(stderr)!.slice(1).map(Number);
    const cut = path.join(work, 'cut.zip');
    fs.writeFileSync(cut, fs.readFileSync(genuine).subarray(0, 100));
    const baseStart = performance.now();
    const base = await runDossier(['restore', cut, '--archive', path.join(work, 'base', 'r')], { env });
    const baseMs = performance.now() - baseStart;
    expect(base.code).toBe(1);

    const bomb = await hostile({ add: [{ name: `derived/thumbs/00/${'0'.repeat(64)}.webp`, zeros: 200 * MB }] });
    const parent = path.join(work, 'bomb');
    const start = performance.now();
    const r = await runDossier(['restore', bomb, '--archive', path.join(parent, '恢复的档案库')], { env });
    const ms = performance.now() - start;
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`错误：备份文件 ${bomb} 无法恢复：`);
    expect(r.stderr).toMatch(/疑似压缩炸弹/);
    const [[baseRss], [rss, written]] = [peak(base.stderr), peak(r.stderr)];
    expect(rss - baseRss).toBeLessThan(48 * MB);
    expect(written).toBeLessThan(MB);
    expect(fs.readdirSync(parent)).toEqual([]);
    console.info(`CLI bomb 200 MB: ${ms.toFixed(0)} ms, peak RSS ${(rss / MB).toFixed(0)} MB, wrote ${written} B (a refused 100-byte zip: ${baseMs.toFixed(0)} ms, ${(baseRss / MB).toFixed(0)} MB)`);
  }, 120_000);

  it('removes, at the next start, the staging area of a restore killed half-way', async () => {
    const parent = tempDir('dossier-hostile-killed-');
    const script = path.join(tempDir('dossier-hostile-child-'), 'killed.mts');
    const staging = path.join(repoRoot, 'electron', 'core', 'backup', 'restoreStaging.ts');
    fs.writeFileSync(
      script,
      `import fs from 'node:fs';
import { openRestoreStaging } from ${JSON.stringify(staging)};
const s = openRestoreStaging(${JSON.stringify(parent)});
fs.mkdirSync(s.dir, { recursive: true });
fs.writeFileSync(s.dir + '/archive.db', Buffer.alloc(1024 * 1024));
console.log('ready');
setInterval(() => undefined, 1000);`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: repoRoot, env: { ...process.env, XDG_DATA_HOME: notesHome } });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
      child.on('exit', (code) => reject(new Error(`child exited ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(fs.readdirSync(path.join(parent, STAGING_ROOT))).toHaveLength(1); // what the kill left

    // The next start of any Dossier program (here `dossier init` on an unrelated archive) removes it.
    const other = path.join(tempDir('dossier-hostile-other-'), 'a');
    const started = await runDossier(['init', '--archive', other, '--name', '另一个档案'], { env: { XDG_DATA_HOME: notesHome } });
    expect(started.code, started.stderr).toBe(0);
    expect(fs.readdirSync(parent)).toEqual([]);
    expect(fs.readdirSync(notesHome)).toEqual(['Dossier']);
    expect(fs.readdirSync(path.join(notesHome, 'Dossier'))).toEqual([]);

    // Without a note (no data folder), the next restore beside the same target removes it.
    const leftover = openRestoreStaging(parent, path.join(tempDir('dossier-hostile-nonotes-'), 'none', 'x', 'restoring'));
    fs.mkdirSync(leftover.dir, { recursive: true });
    const area = path.dirname(leftover.dir);
    const lease = JSON.parse(fs.readFileSync(path.join(area, 'session.json'), 'utf8')) as { pid: number };
    fs.writeFileSync(path.join(area, 'session.json'), JSON.stringify({ ...lease, pid: 2 ** 22 + 1 })); // a process that is gone
    await restoreBackup(genuine, path.join(parent, 'r'));
    expect(fs.readdirSync(parent)).toEqual(['r']);
    await leftover.close(); // stops its lease renewal (the area is gone already)
  }, 60_000);
});
