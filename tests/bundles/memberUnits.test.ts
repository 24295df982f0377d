// 成员单位报送 end to end, as the offices run it: one lead archive and three unit archives, each
// its own folder, every step its own `dossier` process. Two rounds: assign, 任务包, filing in the
// units, 报送包, import (a duplicate across two units stored once, one filed outside the
// assignment), bundles refused whole (one changed byte, repacked, truncated, signed by another
// key, older round), 退回 with a comment that reaches the unit, re-submission of only what
// changed, an overdue deadline in the progress.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeZip } from '../../electron/core/zip';
import { runDossier } from '../helpers/cli';
import { darkPixels, pdfText, renderPage } from '../helpers/pdfTools';
import { repoRoot, tempDir } from '../helpers/tempArchive';

interface Row {
  id: number;
  title: string;
  sha256: string;
  note: string;
  indicators: string[];
  providedBy: string[];
  submittedAt: string | null;
  review: { state: string; comment: string } | null;
}

interface ImportResult {
  alreadyImported: boolean;
  added: { materialId: number; title: string }[];
  duplicates: { materialId: number; title: string; providedBy: string[] }[];
  changed: { materialId: number; title: string }[];
  unchanged: number;
  outsideAssignment: { materialId: number; title: string }[];
  refused: { reason: string }[];
}

interface Progress {
  unit: string;
  assigned: number;
  covered: number;
  pending: number;
  returned: number;
  overdue: number;
  lastSubmission: string | null;
}

describe('成员单位报送 between four archives', { timeout: 900_000 }, () => {
  const root = tempDir('dossier-units-');
  const at = (name: string) => path.join(root, name);
  const lead = at('lead');
  const units = { 党办: at('unit-dangban'), 团委: at('unit-tuanwei'), 宣传部: at('unit-xuanchuan') } as const;
  const csv = path.join(repoRoot, 'tests', 'fixtures', 'samples', '简易测评体系（示例）.csv');
  const ok = async (archive: string, ...args: string[]) => {
    const r = await runDossier([...args, '--archive', archive]);
    expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
    return r.stdout;
  };
  const json = async <T>(archive: string, ...args: string[]): Promise<T> => JSON.parse(await ok(archive, ...args, '--json')) as T;
  const file = (name: string, content: string) => {
    const p = at(path.join('inputs', name));
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
    return p;
  };
  const leadList = () => json<Row[]>(lead, 'list');
  const progress = async () => new Map((await json<Progress[]>(lead, 'progress', '--today', '2024-07-15')).map((p) => [p.unit, p]));

  beforeAll(async () => {
    await ok(lead, 'init', '--name', '2024年度文明单位创建', '--unit', '某某局');
    await ok(lead, 'indicators', 'import', csv);
    await ok(lead, 'assign', 'A1', 'A2', '--unit', '党办', '--person', '张三', '--deadline', '2024-12-31');
    await ok(lead, 'assign', 'B1', 'B2', '--unit', '团委', '--person', '李四', '--deadline', '2024-06-30');
    await ok(lead, 'assign', 'C1', 'C2', '--unit', '宣传部', '--deadline', '2024-12-31');
  });

  it('round 1: 任务包 out, each unit files and sends its 报送包, the lead receives them', async () => {
    const opened = await Promise.all(
      Object.entries(units).map(async ([unit, dir]) => {
        await ok(lead, 'tasks', 'export', '--unit', unit, '--out', at(`${unit}-1.dossier-task`));
        return json<{ dossierId: number; created: boolean }>(dir, 'tasks', 'open', at(`${unit}-1.dossier-task`));
      }),
    );
    expect(opened.every((o) => o.created)).toBe(true);

    // The unit sees only its indicators (and the category above them), with the lead's deadline.
    const tree = await json<{ code: string; responsibleUnit: string; responsiblePerson: string; deadline: string }[]>(units.团委, 'indicators', 'list');
    expect(tree.map((i) => i.code)).toEqual(['B', 'B1', 'B2']);
    expect(tree.find((i) => i.code === 'B1')).toMatchObject({ responsibleUnit: '团委', responsiblePerson: '李四', deadline: '2024-06-30' });

    const shared = file('联合志愿服务活动通知.txt', '关于联合开展志愿服务活动的通知（党办、团委共同发文）');
    await ok(units.党办, 'add', file('创建工作领导小组名单.txt', '创建工作领导小组成员名单：组长张三'), '--indicator', 'A1');
    await ok(units.党办, 'add', shared, '--indicator', 'A2');
    await ok(units.团委, 'add', shared, '--indicator', 'B1');
    await ok(units.团委, 'add', file('团委工作随记.txt', '团委工作随记，尚未归类'));
    await ok(units.宣传部, 'add', file('公益广告照片说明.txt', '公益广告宣传栏更新记录'), '--indicator', 'C1');
    await Promise.all(Object.entries(units).map(([unit, dir]) => ok(dir, 'submit', '--out', at(`${unit}-1.dossier-submit`))));

    const first = await json<ImportResult>(lead, 'submissions', 'import', at('党办-1.dossier-submit'));
    expect(first.added.map((a) => a.title).sort()).toEqual(['创建工作领导小组名单', '联合志愿服务活动通知']);
    const second = await json<ImportResult>(lead, 'submissions', 'import', at('团委-1.dossier-submit'));
    expect(second.added.map((a) => a.title)).toEqual(['团委工作随记']);
    expect(second.duplicates).toEqual([expect.objectContaining({ title: '联合志愿服务活动通知', providedBy: ['党办', '团委'] })]);
    expect(second.outsideAssignment.map((a) => a.title)).toEqual(['团委工作随记']);
    await json<ImportResult>(lead, 'submissions', 'import', at('宣传部-1.dossier-submit'));

    const list = await leadList();
    expect(list).toHaveLength(4);
    const both = list.filter((m) => m.title === '联合志愿服务活动通知');
    expect(both).toHaveLength(1); // stored once, whoever sent it
    expect(both[0].providedBy).toEqual(['党办', '团委']);
    expect(both[0].indicators.sort()).toEqual(['A2', 'B1']);
    expect(list.every((m) => m.review?.state === 'pending' && m.submittedAt !== null)).toBe(true);

    // The same bundle again changes nothing.
    const again = await json<ImportResult>(lead, 'submissions', 'import', at('党办-1.dossier-submit'));
    expect(again.alreadyImported).toBe(true);
    expect(await leadList()).toEqual(list);
    expect((await json<unknown[]>(lead, 'submissions', 'list')).length).toBe(3);
  });

  it('refuses a damaged, repacked, truncated or foreign-signed 报送包 whole, naming the file', async () => {
    await ok(units.宣传部, 'add', file('宣传部第二份材料.txt', '公益广告宣传第二期'), '--indicator', 'C2');
    const good = at('宣传部-2.dossier-submit');
    await ok(units.宣传部, 'submit', '--out', good, '--changed-only');
    const bytes = fs.readFileSync(good);
    const before = await leadList();
    const refused = async (bad: string, reason: RegExp) => {
      const r = await runDossier(['submissions', 'import', bad, '--archive', lead, '--json']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(bad);
      expect(r.stderr).toMatch(reason);
      const out = JSON.parse(r.stdout) as ImportResult;
      expect(out.added).toEqual([]);
      expect(out.refused[0].reason).toMatch(reason);
      expect(await leadList()).toEqual(before); // nothing half-imported
    };

    // One byte of an original changed in place.
    const flipped = Buffer.from(bytes);
    const offset = flipped.indexOf(Buffer.from('第二期'));
    expect(offset).toBeGreaterThan(0);
    flipped[offset] ^= 0x01;
    fs.writeFileSync(at('flipped.dossier-submit'), flipped);
    await refused(at('flipped.dossier-submit'), /files\/[0-9a-f]{64}/);

    // Repacked with a changed original and a valid zip (CRCs right): the manifest catches it.
    const unpacked = at('unpacked');
    fs.mkdirSync(unpacked);
    execFileSync('unzip', ['-q', good, '-d', unpacked]);
    const names = execFileSync('unzip', ['-Z1', good], { encoding: 'utf8' }).trim().split('\n');
    const original = names.find((n) => n.startsWith('files/'))!;
    fs.appendFileSync(path.join(unpacked, original), '（篡改）');
    await writeZip(at('repacked.dossier-submit'), names.map((n) => ({ name: n, file: path.join(unpacked, n), compress: !n.startsWith('files/') })));
    await refused(at('repacked.dossier-submit'), /SHA-256 与清单不符/);

    // Cut short, as a copy that did not finish.
    fs.writeFileSync(at('truncated.dossier-submit'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    await refused(at('truncated.dossier-submit'), /不完整|截断/);

    // Someone else's archive answering 宣传部's 任务包: signed by another key.
    const impostor = at('impostor');
    await ok(impostor, 'tasks', 'open', at('宣传部-1.dossier-task'));
    await ok(impostor, 'add', file('冒名材料.txt', '并非宣传部的材料'), '--indicator', 'C2');
    await ok(impostor, 'submit', '--out', at('impostor.dossier-submit'));
    // Its round 1 would also be older than the one imported; the key is judged first.
    await refused(at('impostor.dossier-submit'), /签名密钥/);

    const accepted = await json<ImportResult>(lead, 'submissions', 'import', good);
    expect(accepted.added.map((a) => a.title)).toEqual(['宣传部第二份材料']);
  });

  it('round 2: 退回 with a comment reaches the unit, the re-submission brings only what changed', async () => {
    const list = await leadList();
    const roster = list.find((m) => m.title === '创建工作领导小组名单')!;
    const notice = list.find((m) => m.title === '联合志愿服务活动通知')!;
    await ok(lead, 'review', String(roster.id), '--return', '--comment', '缺少盖章页，请补充');
    await ok(lead, 'review', String(notice.id), list.find((m) => m.title === '公益广告照片说明')!.id.toString(), '--pass');

    let p = await progress();
    expect(p.get('党办')).toMatchObject({ assigned: 2, covered: 2, pending: 0, returned: 1, overdue: 0 });
    // 团委: B2 has no material and its deadline (2024-06-30) has passed.
    expect(p.get('团委')).toMatchObject({ assigned: 2, covered: 1, overdue: 1 });
    expect(p.get('党办')!.lastSubmission).not.toBeNull();

    const task = await json<{ returned: number; round: number }>(lead, 'tasks', 'export', '--unit', '党办', '--out', at('党办-2.dossier-task'));
    expect(task).toMatchObject({ returned: 1, round: 2 });
    const reopened = await json<{ created: boolean; reviewsApplied: number }>(units.党办, 'tasks', 'open', at('党办-2.dossier-task'));
    expect(reopened).toMatchObject({ created: false });
    const unitRows = await json<Row[]>(units.党办, 'list');
    const returned = unitRows.find((m) => m.title === '创建工作领导小组名单')!;
    expect(returned.review).toMatchObject({ state: 'returned', comment: '缺少盖章页，请补充' });
    expect(unitRows.find((m) => m.title === '联合志愿服务活动通知')!.review).toMatchObject({ state: 'passed' });
    expect(await ok(units.党办, 'history', String(returned.id))).toContain('缺少盖章页，请补充');

    await ok(units.党办, 'edit', String(returned.id), '--note', '已补盖章页');
    const changedOnly = at('党办-2.dossier-submit');
    const sent = await json<{ materials: number }>(units.党办, 'submit', '--out', changedOnly, '--changed-only');
    expect(sent.materials).toBe(1);
    const full = at('党办-3.dossier-submit');
    await ok(units.党办, 'submit', '--out', full);

    // The newer (full) bundle first: only its change is applied; the older one is then refused.
    const r = await json<ImportResult>(lead, 'submissions', 'import', full);
    expect(r.changed.map((c) => c.title)).toEqual(['创建工作领导小组名单']);
    expect(r.unchanged).toBe(1);
    expect(r.added).toEqual([]);
    const older = await runDossier(['submissions', 'import', changedOnly, '--archive', lead]);
    expect(older.code).toBe(1);
    expect(older.stderr).toMatch(/第 2 次报送，不晚于已导入的第 3 次/);

    const after = (await leadList()).find((m) => m.id === roster.id)!;
    expect(after.note).toBe('已补盖章页');
    expect(after.review?.state).toBe('pending'); // back to 待审
    p = await progress();
    expect(p.get('党办')).toMatchObject({ pending: 1, returned: 0 });
    expect(await ok(lead, 'history', String(roster.id))).toMatch(/审核退回[\s\S]*成员单位报送/);
  });

  it('exports the progress as a workbook LibreOffice opens and a one-page PDF dated for the half month', async () => {
    const xlsx = at('进度.xlsx');
    const pdf = at('进度.pdf');
    await ok(lead, 'progress', '--today', '2024-07-15', '--xlsx', xlsx, '--pdf', pdf);
    const conv = at('lo');
    const out = spawnSync('soffice', [`-env:UserInstallation=file://${at('lo-profile')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', conv, xlsx], { encoding: 'utf8', timeout: 120_000 });
    expect(out.status, out.stdout + out.stderr).toBe(0);
    const rows = fs.readFileSync(path.join(conv, '进度.csv'), 'utf8').split(/\r?\n/);
    expect(rows[0]).toBe('责任单位,分派指标,已有材料,缺项,逾期,待审,通过,退回,最近报送');
    expect(rows.find((r) => r.startsWith('团委,'))).toMatch(/^团委,2,1,1,1,/);
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
    expect(pdfText(pdf)).toContain('2024年7月上半月');
    expect(await darkPixels(renderPage(pdf, 1, 60), { top: 0, bottom: 0.15 })).toBeGreaterThan(500); // the title is drawn, not blank glyphs
  }, 300_000);
});
