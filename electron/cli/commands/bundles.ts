// 成员单位报送 from the command line (names and flags are stable: scripts call them):
// assign, tasks export/open, submit, submissions import/list/conflicts/resolve, review, progress.
import path from 'node:path';
import type { Command } from 'commander';
import { reviewStateLabels, type SubmissionImportResult } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { printJson, type ExitStatus } from '../output';
import { parseId, parseIds, type ArchiveOptions } from '../session';
import { withSession } from '../withSession';

const json = { flags: '--json', description: '以 JSON 输出' };
const day = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '从未');

export function registerBundleCommands(program: Command, status: ExitStatus): void {
  program
    .command('assign <codes...>')
    .description('分派指标：把一项或多项指标交给一个责任单位（可指定专人和完成时限）；新单位作为成员单位加入登记册')
    .requiredOption('--unit <name>', '责任单位名称')
    .option('--person <name>', '专人负责')
    .option('--deadline <date>', '完成时限（YYYY-MM-DD）')
    .option(json.flags, json.description)
    .action(async (codes: string[], opts: { unit: string; person?: string; deadline?: string; json?: boolean }, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const list = await s.api['units.assign']({ dossierId: s.dossier().id, codes, unit: opts.unit, person: opts.person, deadline: opts.deadline });
        if (opts.json) return printJson(list.map((i) => ({ code: i.code, title: i.title, responsibleUnit: i.responsibleUnit, responsiblePerson: i.responsiblePerson, deadline: i.deadline })));
        for (const i of list) console.log(`已分派：${i.code} ${i.title} → ${i.responsibleUnit}${i.responsiblePerson ? `（${i.responsiblePerson}）` : ''}${i.deadline ? `，完成时限 ${i.deadline}` : ''}`);
      });
    });

  const tasks = program.command('tasks').description('任务包：牵头单位下发给成员单位的指标和审核意见');
  tasks
    .command('export')
    .description('导出一个单位的任务包（其指标、完成时限，以及退回的材料和意见）')
    .requiredOption('--unit <name>', '责任单位名称')
    .requiredOption('--out <file>', '任务包文件（.dossier-task）')
    .option(json.flags, json.description)
    .action(async (opts: { unit: string; out: string; json?: boolean }, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const r = await s.api['tasks.export']({ dossierId: s.dossier().id, unit: opts.unit, out: path.resolve(opts.out) });
        if (opts.json) return printJson(r);
        console.log(`已导出“${r.unit}”第 ${r.round} 次任务包：${r.indicators} 项指标，退回材料 ${r.returned} 份 → ${r.file}`);
      });
    });
  tasks
    .command('open <file>')
    .description('在成员单位的档案库中打开任务包：建立或更新该单位的报送档案，输出其档案编号')
    .option(json.flags, json.description)
    .action(async (file: string, opts: { json?: boolean }, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const r = await s.api['tasks.open']({ path: path.resolve(file) });
        if (opts.json) return printJson(r);
        const what = r.unchanged ? '此任务包已打开过，没有变化' : r.created ? '已建立报送档案' : '已更新报送档案';
        console.log(`${what}（编号 ${r.dossierId}，${r.unit}，第 ${r.round} 次任务包）：新增指标 ${r.indicatorsAdded} 项，更新 ${r.indicatorsUpdated} 项，审核意见 ${r.reviewsApplied} 条`);
        console.log(r.dossierId);
      });
    });

  program
    .command('submit')
    .description('导出报送包：报送档案中的全部材料（或 --changed-only 只含上次报送后有变化的），带清单和本单位签名')
    .requiredOption('--out <file>', '报送包文件（.dossier-submit）')
    .option('--changed-only', '只含上次报送后新增或修改的材料')
    .option(json.flags, json.description)
    .action(async (opts: { out: string; changedOnly?: boolean; json?: boolean }, cmd: Command) => {
      const archive = cmd.optsWithGlobals<ArchiveOptions>();
      await withSession(archive, async (s) => {
        const dossierId = archive.dossier === undefined ? undefined : parseId(archive.dossier, '--dossier');
        const r = await s.api['submissions.export']({ dossierId, out: path.resolve(opts.out), changedOnly: opts.changedOnly ?? false });
        for (const k of r.skipped) process.stderr.write(`未放入：${k.materialId}《${k.title}》：${k.reason}\n`);
        if (opts.json) return printJson(r);
        console.log(`已导出第 ${r.round} 次报送包：材料 ${r.materials} 份，撤回 ${r.withdrawn} 份 → ${r.file}`);
      });
    });

  const submissions = program.command('submissions').description('报送包：牵头单位接收成员单位报送的材料');
  submissions
    .command('import <file>')
    .description('导入报送包：新材料归入档案（待审），重复的只存一份，签名、单位和轮次不符的整包拒绝')
    .option('--accept-new-key', '确认接受该单位更换后的签名密钥（先与该单位核实）')
    .option(json.flags, json.description)
    .action(async (file: string, opts: { acceptNewKey?: boolean; json?: boolean }, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        let r: SubmissionImportResult;
        try {
          r = await s.api['submissions.import']({ path: path.resolve(file), acceptNewKey: opts.acceptNewKey ?? false });
        } catch (err) {
          // A bundle refused whole: scripts reading --json get the reason in `refused` too.
          if (!opts.json || !(err instanceof ApiError) || err.code !== 'bad_input') throw err;
          process.stderr.write(`错误：${err.message}\n`);
          status.fail();
          return printJson({ ...emptyImport(), refused: [{ title: '', originalName: path.basename(file), reason: err.message }] });
        }
        for (const x of r.refused) process.stderr.write(`失败：${x.originalName}：${x.reason}\n`);
        if (r.refused.length) status.fail();
        if (opts.json) return printJson(r);
        printImport(r);
      });
    });
  submissions
    .command('list')
    .description('列出已导入的报送包')
    .option(json.flags, json.description)
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const list = await s.api['submissions.list']({ dossierId: s.dossier().id });
        if (opts.json) return printJson(list);
        if (list.length === 0) console.log('还没有导入报送包');
        for (const r of list) console.log(`${r.id}\t${r.unit}\t第 ${r.round} 次\t报送于 ${day(r.createdAt)}\t新增 ${r.added}，重复 ${r.duplicates}，修改 ${r.changed}，分派外 ${r.outsideAssignment}，失败 ${r.refused}`);
      });
    });

  submissions
    .command('conflicts')
    .description('列出双方都改过的材料：成员单位报送的版本与本方版本的不同之处，待选择')
    .option(json.flags, json.description)
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const list = await s.api['submissions.conflicts']({ dossierId: s.dossier().id });
        if (opts.json) return printJson(list);
        if (list.length === 0) console.log('没有待选择的版本冲突');
        for (const c of list) {
          console.log(`${c.materialId}《${c.title}》 ${c.unit} 报送于 ${day(c.receivedAt)}`);
          for (const d of c.differences) console.log(`  ${d.field}：本方“${d.lead}” / ${c.unit}“${d.unit}”`);
        }
      });
    });
  submissions
    .command('resolve <materialId>')
    .description('选择版本：--take unit 采用成员单位报送的版本，--take lead 保留本方版本')
    .requiredOption('--take <side>', 'unit（采用单位版本）或 lead（保留本方版本）')
    .option('--unit <name>', '有多个单位的版本时，指定单位')
    .option(json.flags, json.description)
    .action(async (id: string, opts: { take: string; unit?: string; json?: boolean }, cmd: Command) => {
      if (opts.take !== 'unit' && opts.take !== 'lead') throw new ApiError('invalid_args', '--take 应为 unit（采用单位版本）或 lead（保留本方版本）');
      const materialId = parseId(id, '材料编号');
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const m = await s.api['submissions.resolve']({ materialId, unit: opts.unit, take: opts.take as 'unit' | 'lead' });
        if (opts.json) return printJson(m);
        console.log(`${m.id}《${m.title}》：${opts.take === 'unit' ? '已采用单位版本（待审）' : '已保留本方版本'}`);
      });
    });

  program
    .command('review <materialIds...>')
    .description('材料审核：通过（--pass）或退回（--return，附 --comment 意见）；退回的材料随下次任务包回到成员单位')
    .option('--pass', '通过')
    .option('--return', '退回')
    .option('--comment <text>', '审核意见')
    .option(json.flags, json.description)
    .action(async (ids: string[], opts: { pass?: boolean; return?: boolean; comment?: string; json?: boolean }, cmd: Command) => {
      if (Boolean(opts.pass) === Boolean(opts.return)) throw new ApiError('invalid_args', '请指定 --pass（通过）或 --return（退回）之一');
      const materialIds = parseIds(ids, '材料编号');
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const list = await s.api['review.set']({ materialIds, state: opts.pass ? 'passed' : 'returned', comment: opts.comment ?? '' });
        if (opts.json) return printJson(list);
        for (const m of list) console.log(`${m.materialId}\t${m.review ? reviewStateLabels[m.review.state] : ''}${m.review?.comment ? `：${m.review.comment}` : ''}`);
      });
    });
}

function emptyImport(): SubmissionImportResult {
  return { submissionId: null, unit: '', round: 0, alreadyImported: false, added: [], duplicates: [], changed: [], unchanged: 0, outsideAssignment: [], withdrawn: [], conflicts: [], refused: [] };
}

function printImport(r: SubmissionImportResult): void {
  if (r.alreadyImported) {
    console.log(`此报送包（${r.unit} 第 ${r.round} 次）已导入过，没有变化`);
    return;
  }
  console.log(`已导入“${r.unit}”第 ${r.round} 次报送：新增 ${r.added.length} 份，重复 ${r.duplicates.length} 份（只存一份），修改 ${r.changed.length} 份，未变 ${r.unchanged} 份`);
  for (const x of r.outsideAssignment) console.log(`分派范围外：${x.materialId}《${x.title}》${x.indicators.join('、') || '未归类'}`);
  for (const x of r.conflicts) console.log(`双方都改过，暂用本方版本，待选择：${x.materialId}《${x.title}》（dossier submissions resolve ${x.materialId} --take unit|lead）`);
  for (const x of r.withdrawn) console.log(`成员单位已撤回：${x.materialId}《${x.title}》`);
}

export function registerProgressCommand(program: Command): void {
  program
    .command('progress')
    .description('报送进度（每半月汇报）：每个单位分派的指标、已有材料、待审、退回、逾期和最近报送时间')
    .option(json.flags, json.description)
    .option('--xlsx <file>', '同时导出为 Excel 工作簿')
    .option('--pdf <file>', '同时导出为一页 PDF 汇报（注明所属半月）')
    .option('--today <date>', '按此日期判断逾期（YYYY-MM-DD，默认今天）')
    .option('--history', '列出历次汇报（每次导出汇报时保存）的合计，看进度走势')
    .action(async (opts: { json?: boolean; today?: string; xlsx?: string; pdf?: string; history?: boolean }, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const dossierId = s.dossier().id;
        if (opts.history) {
          const reports = await s.api['progress.history']({ dossierId });
          if (opts.json) return printJson(reports);
          if (reports.length === 0) console.log('还没有导出过进度汇报（--xlsx 或 --pdf 导出时保存）');
          for (const r of reports) console.log(`${r.period}（截至 ${r.asOf}）	已有材料 ${r.totals.covered}/${r.totals.assigned} 项，逾期 ${r.totals.overdue} 项	待审 ${r.totals.pending}，通过 ${r.totals.passed}，退回 ${r.totals.returned}`);
          return;
        }
        const list = await s.api['progress.get']({ dossierId, today: opts.today });
        if (opts.xlsx || opts.pdf) {
          const files = await s.api['progress.export']({ dossierId, today: opts.today, xlsx: opts.xlsx && path.resolve(opts.xlsx), pdf: opts.pdf && path.resolve(opts.pdf) });
          for (const f of [files.xlsx, files.pdf]) if (f) process.stderr.write(`已导出：${f}\n`);
        }
        if (opts.json) return printJson(list);
        if (list.length === 0) console.log('还没有分派给任何单位的指标');
        for (const u of list) {
          console.log(`${u.unit}\t分派 ${u.assigned} 项，已有材料 ${u.covered} 项，逾期 ${u.overdue} 项\t待审 ${u.pending}，通过 ${u.passed}，退回 ${u.returned}\t最近报送 ${day(u.lastSubmission)}`);
        }
      });
    });
}
