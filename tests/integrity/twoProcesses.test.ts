// Point 3 of the trust issue: the desktop app or browser mode and `dossier` commands may have one
// archive open at once. Browser mode (a real process) imports a folder while other commands run
// in other processes: adds, 会议纪要, edits, trash and purge, search, verify and a backup. Nothing
// is lost, no file is refused for a busy database, nothing is left half-written; the running
// process's temp area survives the others, and is cleared once that process has died.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../shared/transport';
import { repoRoot, tempDir } from '../helpers/tempArchive';
import { startBrowserMode, type BrowserModeServer } from '../e2e/server';
import { makeMixedFiles } from '../helpers/mixedFiles';
import { dossier, inspectArchive } from './helpers';

describe('one archive, several processes', () => {
  const work = tempDir('dossier-two-');
  const archive = path.join(work, 'archive');
  let server: BrowserModeServer | null = null;
  afterAll(async () => server?.stop());

  it('browser mode imports while commands add, edit, purge, verify and back up; nothing is lost', async () => {
    const csv = path.join(repoRoot, 'tests', 'fixtures', 'samples', '简易测评体系（示例）.csv');
    expect((await dossier('init', '--archive', archive, '--name', '两个进程', '--unit', '示例单位')).code).toBe(0);
    expect((await dossier('indicators', 'import', csv, '--archive', archive)).code).toBe(0);
    const shared = [Buffer.from('两边都有的相同材料一\n'), Buffer.from('两边都有的相同材料二\n')];
    const folderA = path.join(work, '浏览器导入');
    const folderB = path.join(work, '命令行导入');
    await makeMixedFiles(folderA, '甲', 150, shared);
    await makeMixedFiles(folderB, '乙', 90, shared);

    server = await startBrowserMode(archive);
    const api = async <T>(method: string, args: unknown): Promise<T> => {
      const res = await fetch(`${server!.origin}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server!.token },
        body: JSON.stringify(args),
      });
      const body = (await res.json()) as { result?: T; error?: { message: string } };
      if (body.error) throw new Error(body.error.message);
      return body.result as T;
    };
    // Something of browser mode's in flight in its own temp area (an upload being written).
    const tmpRoot = path.join(archive, 'tmp');
    const webArea = fs.readdirSync(tmpRoot).find((n) => fs.readFileSync(path.join(tmpRoot, n, 'session.json'), 'utf8').includes('浏览器模式'))!;
    expect(webArea).toBeTruthy();
    const inFlight = path.join(tmpRoot, webArea, 'uploads', 'u1', '正在上传.pdf');
    fs.mkdirSync(path.dirname(inFlight), { recursive: true });
    fs.writeFileSync(inFlight, 'partial upload');

    const job = await api<{ id: string }>('materials.import', { dossierId: 1, paths: [folderA], indicatorIds: [] });

    // Meanwhile, in other processes:
    const [addB, minutes] = await Promise.all([
      dossier('add', folderB, '--archive', archive, '--json'),
      dossier('minutes', '--archive', archive, '--name', '创建工作推进会', '--time', '2024年5月8日 9:00', '--json'),
    ]);
    expect(addB.code, addB.stderr).toBe(0);
    const reportB = JSON.parse(addB.stdout) as { added: { id: number }[]; duplicates: unknown[]; failed: unknown[] };
    expect(reportB.failed).toEqual([]);
    expect(minutes.code, minutes.stderr).toBe(0);
    const someB = reportB.added.slice(0, 10).map((a) => String(a.id));
    const [edit, trash] = await Promise.all([
      dossier('edit', ...someB.slice(0, 5), '--archive', archive, '--place', '三楼会议室'),
      dossier('trash', ...someB.slice(5), '--archive', archive),
    ]);
    expect(edit.code, edit.stderr).toBe(0);
    expect(trash.code, trash.stderr).toBe(0);
    const [purge, search, verifyMid, backup] = await Promise.all([
      dossier('purge', ...someB.slice(5), '--archive', archive),
      dossier('search', '创建工作记录', '--archive', archive, '--json'),
      dossier('verify', '--archive', archive, '--json'),
      dossier('backup', '--archive', archive, '--out', path.join(work, '备份.zip')),
    ]);
    expect(purge.code, purge.stderr).toBe(0);
    expect(search.code, search.stderr).toBe(0);
    // While browser mode imports, a file it has stored but not yet registered may show as a
    // warning; never as an error.
    expect((JSON.parse(verifyMid.stdout) as { problems: { severity: string; message: string }[] }).problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(backup.code, backup.stderr).toBe(0);

    // The commands opened and closed the archive many times: browser mode's area is untouched.
    expect(fs.readFileSync(inFlight, 'utf8')).toBe('partial upload');

    let state = await api<{ state: string; result?: { added: unknown[]; duplicates: unknown[]; failed: { path: string; reason: string }[] } }>('jobs.get', { jobId: job.id });
    for (let i = 0; i < 600 && state.state !== 'done' && state.state !== 'failed'; i += 1) {
      await new Promise((r) => setTimeout(r, 250));
      state = await api('jobs.get', { jobId: job.id });
    }
    expect(state.state).toBe('done');
    expect(state.result!.failed).toEqual([]);
    expect(state.result!.added.length + state.result!.duplicates.length).toBe(152);

    // Browser mode dies without cleaning up (a power cut); the next command clears its area.
    await server.kill();
    const after = await dossier('verify', '--archive', archive, '--json');
    expect(after.stderr).toContain('已清理 1 处');
    expect(after.code, after.stdout).toBe(0);
    expect(JSON.parse(after.stdout)).toMatchObject({ ok: true, problems: [] });
    expect(fs.existsSync(path.join(tmpRoot, webArea))).toBe(false);

    const final = await inspectArchive(archive);
    // 150 + 90 distinct files, 2 shared, one 会议纪要; 5 purged.
    expect(final).toMatchObject({ materials: 150 + 90 + 2 + 1 - 5, orphans: 0, duplicateMaterials: 0, broken: [], integrityCheck: 'ok', tmpEntriesAfterOpen: 0 });
    expect(final.blobs).toBe(final.materials);
    const list = JSON.parse((await dossier('list', '--archive', archive, '--json')).stdout) as { title: string; place: string }[];
    expect(list).toHaveLength(final.materials);
    expect(list.filter((m) => m.place === '三楼会议室')).toHaveLength(5);

    // The backup taken in the middle of it all restores, and passes 四性检测.
    const restored = await dossier('restore', path.join(work, '备份.zip'), '--archive', path.join(work, '恢复'));
    expect(restored.code, restored.stderr + restored.stdout).toBe(0);
  }, 600_000);
});
