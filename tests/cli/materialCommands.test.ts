// What the app does with materials, from the command line: edit 著录信息 one by one and in
// bulk, 回收站 (delete, list, restore, purge), 会议纪要, 组照 and 拆分组照, the change log, and
// bad usage refused in Chinese with exit code 2 (1 when the archive says no). Real processes on
// a real archive folder.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDossier } from '../helpers/cli';
import { repoRoot, tempDir } from '../helpers/tempArchive';

interface Row {
  id: number;
  title: string;
  kind: string;
  sha256: string;
  indicators: string[];
  date: string;
  pages: number | null;
  responsible: string;
  docNumber: string;
  securityLevel: string;
  retention: string;
  note: string;
  place: string;
  photographer: string;
  description: string;
  photos: { caption: string }[];
}

// Each command is its own process (about 2 s each, more under load).
describe('dossier material commands', { timeout: 240_000 }, () => {
  const archive = tempDir('dossier-cli-mat-');
  const inputs = tempDir('dossier-cli-mat-in-');
  const csv = path.join(repoRoot, 'tests', 'fixtures', 'samples', '简易测评体系（示例）.csv');
  const dossier = (...args: string[]) => runDossier([...args, '--archive', archive]);
  const json = async <T = Row[]>(...args: string[]): Promise<T> => {
    const r = await dossier(...args, '--json');
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as T;
  };
  const byTitle = new Map<string, Row>();
  const blobPath = (sha: string) => path.join(archive, 'files', sha.slice(0, 2), sha.slice(2, 4), sha);

  beforeAll(async () => {
    for (const [name, color] of [['活动照片1.jpg', '#2a6'], ['活动照片2.jpg', '#a62']]) {
      await sharp({ create: { width: 80, height: 60, channels: 3, background: color } }).jpeg().toFile(path.join(inputs, name));
    }
    for (const title of ['工作方案', '工作总结', '旧通知']) {
      const pdf = await PDFDocument.create();
      pdf.setTitle(title);
      pdf.addPage();
      fs.writeFileSync(path.join(inputs, `${title}.pdf`), await pdf.save());
    }
    expect((await dossier('init', '--name', '2024年度文明单位创建')).code).toBe(0);
    expect((await dossier('indicators', 'import', csv)).code).toBe(0);
    const added = await json<{ added: Row[] }>('add', inputs, '--indicator', 'A1');
    for (const m of added.added) byTitle.set(m.title, m);
    expect([...byTitle.keys()].sort()).toEqual(['工作总结', '工作方案', '旧通知', '活动照片1', '活动照片2']);
  }, 120_000);

  it('edits one material’s 著录信息, then several at once, and the change log says so in Chinese', async () => {
    const plan = byTitle.get('工作方案')!;
    const edited = await json(
      'edit', String(plan.id), '--title', '2024年度创建工作方案', '--responsible', '办公室', '--doc-number', '示办〔2024〕8号',
      '--date', '20231105', '--security-level', '内部', '--retention', '永久', '--pages', '3', '--note', '正式印发',
    );
    expect(edited).toHaveLength(1);
    const listed = (await json('list')).find((m) => m.id === plan.id);
    expect(listed).toMatchObject({
      title: '2024年度创建工作方案',
      responsible: '办公室',
      docNumber: '示办〔2024〕8号',
      date: '20231105',
      securityLevel: '内部',
      retention: '永久',
      pages: 3,
      note: '正式印发',
      indicators: ['A1'],
    });

    const [p1, p2] = [byTitle.get('活动照片1')!, byTitle.get('活动照片2')!];
    const bulk = await dossier('edit', String(p1.id), String(p2.id), '--place', '三楼会议室', '--photographer', '李明');
    expect(bulk.code, bulk.stderr).toBe(0);
    expect(bulk.stdout).toContain(`已修改：${p1.id}\t活动照片1\tA1`);
    for (const m of (await json('list')).filter((r) => r.id === p1.id || r.id === p2.id)) {
      expect(m).toMatchObject({ place: '三楼会议室', photographer: '李明' });
    }

    const history = await dossier('history', String(plan.id));
    expect(history.code).toBe(0);
    expect(history.stdout).toContain('添加：工作方案.pdf');
    expect(history.stdout).toContain('题名：工作方案 → 2024年度创建工作方案');
    expect(history.stdout).toContain('责任者：（空） → 办公室');
    expect(history.stdout).toContain('日期：（空） → 20231105');
    expect(history.stdout).toMatch(/^\d{4}\/\d{1,2}\/\d{1,2} \d{2}:\d{2}:\d{2} {2}添加/m);

    // Moved out of an indicator and back in.
    expect((await dossier('unlink', String(plan.id), 'A1')).stdout).toContain('已将《2024年度创建工作方案》移出指标 A1');
    expect((await json('list', '--indicator', 'A1')).map((m) => m.id)).not.toContain(plan.id);
    expect((await dossier('link', String(plan.id), 'A1')).code).toBe(0);
  });

  it('deletes to the 回收站, restores, and purges for good (the file too when nothing else uses it)', async () => {
    const summary = byTitle.get('工作总结')!;
    const old = byTitle.get('旧通知')!;
    const trashed = await dossier('trash', String(summary.id), String(old.id));
    expect(trashed.stdout).toContain('已将 2 份材料移入回收站');
    expect((await json('list')).map((m) => m.id)).not.toContain(summary.id);
    const bin = await dossier('trash-list');
    expect(bin.stdout).toContain(`${summary.id}\t工作总结\tA1\t删除于 `);
    expect((await json('trash-list')).map((m) => m.id).sort()).toEqual([summary.id, old.id].sort());

    expect((await dossier('trash-restore', String(summary.id))).stdout).toContain(`已还原：${summary.id}\t工作总结\tA1`);
    expect((await json('list', '--indicator', 'A1')).map((m) => m.id)).toContain(summary.id);

    expect(fs.existsSync(blobPath(old.sha256))).toBe(true);
    const purged = await json<{ purged: number; filesRemoved: number }>('purge', String(old.id));
    expect(purged).toEqual({ purged: 1, filesRemoved: 1 });
    expect(fs.existsSync(blobPath(old.sha256))).toBe(false);
    expect(await json('trash-list')).toEqual([]);
    expect((await json('list')).map((m) => m.id)).not.toContain(old.id);
    expect((await dossier('history', String(old.id))).stdout).toContain('彻底清除');

    // A purge of what is not in the 回收站 is refused, and nothing goes.
    const refused = await dossier('purge', String(summary.id));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('材料《工作总结》不在回收站中，请先删除再彻底清除');
    expect(fs.existsSync(blobPath(summary.sha256))).toBe(true);
  });

  it('fills in 会议纪要 under an indicator, from options or a JSON file, and edits one', async () => {
    const [created] = await json(
      'minutes', '--name', '创建工作推进会', '--time', '2024年5月8日 9:00', '--host', '张局长', '--decisions', '每月通报创建进度',
      '--indicator', 'B2',
    );
    const underB2 = await json('list', '--indicator', 'B2');
    expect(underB2.find((m) => m.id === created.id)).toMatchObject({ kind: 'minutes', title: '创建工作推进会', date: '20240508' });

    const [edited] = await json('minutes', '--material', String(created.id), '--decisions', '每周通报创建进度');
    expect(edited.id).toBe(created.id);
    const found = await json<Row[]>('search', '每周通报');
    expect(found.map((m) => m.id)).toEqual([created.id]);
    // The fields not written stay as they were.
    expect((await json('search', '张局长')).map((m) => m.id)).toEqual([created.id]);

    const file = path.join(inputs, '纪要.json');
    fs.writeFileSync(file, JSON.stringify({ 会议名称: '志愿服务部署会', 时间: '2024年6月1日', 议题: '部署学雷锋志愿服务' }));
    const [fromFile] = await json('minutes', '--from-json', file, '--indicator', 'C1');
    expect(fromFile).toMatchObject({ kind: 'minutes', title: '志愿服务部署会', indicators: ['C1'] });
    expect((await dossier('history', String(created.id))).stdout).toContain('填写会议纪要：修改会议纪要内容');
  });

  it('groups two photos into a 组照 and splits it back into the same two photos', async () => {
    const [p1, p2] = [byTitle.get('活动照片1')!, byTitle.get('活动照片2')!];
    const [group] = await json('group', String(p1.id), String(p2.id), '--title', '志愿服务活动组照');
    expect(group).toMatchObject({ kind: 'photo_group', title: '志愿服务活动组照', indicators: ['A1'] });
    expect((await json('list')).filter((m) => m.kind === 'photo')).toEqual([]);

    const split = await json('ungroup', String(group.id));
    expect(split.map((m) => [m.id, m.kind, m.title])).toEqual([
      [p1.id, 'photo', '活动照片1'],
      [p2.id, 'photo', '活动照片2'],
    ]);
    const photos = (await json('list')).filter((m) => m.kind === 'photo' || m.kind === 'photo_group');
    expect(photos.map((m) => m.id).sort()).toEqual([p1.id, p2.id].sort());
    expect(photos.every((m) => m.place === '三楼会议室' && m.indicators.join() === 'A1')).toBe(true);
    expect((await dossier('history', String(p1.id))).stdout).toContain(`拆分组照：从组照《志愿服务活动组照》（编号 ${group.id}）拆出，归入指标 A1`);
    expect((await dossier('history', String(group.id))).stdout).toContain(`拆分组照：拆分为 2 张照片（编号 ${p1.id}、${p2.id}）`);
  });

  it('refuses bad usage with a Chinese reason on stderr and changes nothing', async () => {
    const plan = byTitle.get('工作方案')!;
    const summary = byTitle.get('工作总结')!;
    const cases: { args: string[]; code: number; says: string }[] = [
      { args: ['edit', '999999', '--title', '新题名'], code: 1, says: '材料不存在（编号 999999）' },
      { args: ['edit', String(plan.id), String(summary.id), '--title', '新题名'], code: 2, says: '题名只能逐份修改' },
      { args: ['edit', String(plan.id), '--date', '2023-11-31'], code: 2, says: '“2023-11-31”不是有效日期' },
      { args: ['edit', String(plan.id), '--pages', '三'], code: 2, says: '页数应为整数：三' },
      { args: ['edit', String(plan.id)], code: 2, says: '请至少写出一项要修改的著录信息' },
      { args: ['edit', '第一份', '--note', 'x'], code: 2, says: '材料编号 应为正整数：第一份' },
      { args: ['trash', '999999'], code: 1, says: '材料不存在（编号 999999）' },
      { args: ['minutes', '--time', '2024年5月8日'], code: 2, says: '请填写会议名称' },
      { args: ['minutes', '--from-json', path.join(inputs, '没有此文件.json')], code: 2, says: '没有此文件.json：无法读取' },
      { args: ['group', String(plan.id), String(summary.id)], code: 1, says: '《2024年度创建工作方案》不是单张照片，不能组成组照' },
      { args: ['ungroup', String(plan.id)], code: 1, says: '材料《2024年度创建工作方案》不是组照' },
      { args: ['unlink', String(plan.id), 'Z9'], code: 1, says: '测评体系中没有编码为 Z9 的指标' },
      { args: ['restore', String(plan.id)], code: 2, says: `请用：dossier trash-restore ${plan.id}` },
    ];
    for (const c of cases) {
      const r = await dossier(...c.args);
      expect({ args: c.args, code: r.code }).toEqual({ args: c.args, code: c.code });
      expect(r.stderr).toContain(c.says);
    }
    const listed = (await json('list')).find((m) => m.id === plan.id)!;
    expect(listed).toMatchObject({ title: '2024年度创建工作方案', date: '20231105', pages: 3, kind: 'document' });
  });
});
