import path from 'node:path';
import type { Command } from 'commander';
import { choiceOptions, importChoicesFrom, type ImportChoiceOptions } from '../importChoices';
import { ApiError } from '../../../shared/errors';
import { withSession } from '../withSession';
import { printJson } from '../output';
import { parseId, type ArchiveOptions } from '../session';

const RESULT_TEXT = { pass: '达标', fail: '未达标', veto: '存在否决项，不达标', no_pass_line: '未设达标线' } as const;

export function registerArchiveCommands(program: Command): void {
  program
    .command('init')
    .description('新建档案库（如不存在）并在其中创建一个档案')
    .requiredOption('--name <name>', '档案名称，如“2024年度市级文明单位创建”')
    .option('--unit <unit>', '单位名称', '')
    .option('--period <period>', '年度或周期，如“2024年度”', '')
    .option('--json', '以 JSON 输出')
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<ArchiveOptions & { name: string; unit: string; period: string; json?: boolean }>();
      await withSession(opts, async ({ api, ctx }) => {
        const dossier = await api['dossiers.create']({ name: opts.name, unit: opts.unit, period: opts.period });
        if (opts.json) printJson(dossier);
        else console.log(`已创建档案“${dossier.name}”（编号 ${dossier.id}），档案库：${ctx.archive.root}`);
      });
    });

  const indicators = program.command('indicators').description('测评体系：导入与查看');
  choiceOptions(
    indicators
      .command('import <file>')
      .description('从 Excel（.xlsx）、CSV 或 Word（.docx）导入测评体系，并用于当前档案；表中的责任单位加入登记册')
      .option('--name <name>', '测评体系名称（默认取表格标题或文件名）')
      .option('--json', '以 JSON 输出'),
  ).action(async (file: string, opts: { name?: string; json?: boolean } & ImportChoiceOptions, cmd: Command) => {
      const archive = cmd.optsWithGlobals<ArchiveOptions>();
      await withSession(archive, async (s) => {
        const dossier = s.dossier();
        const system = await s.api['systems.importFile']({ path: file, name: opts.name, ...importChoicesFrom(opts) });
        const updated = await s.api['dossiers.setSystem']({ dossierId: dossier.id, systemId: system.id });
        if (opts.json) printJson({ system, dossier: updated });
        else console.log(`已导入测评体系“${system.name}”，共 ${system.indicatorCount} 项指标，已用于档案“${updated.name}”`);
      });
    });
  indicators
    .command('list')
    .description('列出当前档案所用测评体系的全部指标')
    .option('--json', '以 JSON 输出')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const list = await s.indicators();
        const codeById = new Map(list.map((i) => [i.id, i.code]));
        // Every field the UI shows for an indicator.
        const rows = list.map((i) => ({
          code: i.code,
          numbering: i.numbering,
          title: i.title,
          parentCode: i.parentId === null ? null : (codeById.get(i.parentId) ?? null),
          score: i.score,
          kind: i.kind,
          content: i.content,
          standard: i.standard,
          methods: i.methods,
          requiredMaterials: i.requiredMaterials,
          responsibleUnit: i.responsibleUnit,
          responsiblePerson: i.responsiblePerson,
          deadline: i.deadline,
        }));
        if (opts.json) return printJson(rows);
        rows.forEach((r, index) => {
          const depth = list[index].depth - 1;
          const tag = r.kind === 'veto' ? '［否决项］' : r.kind === 'bonus' ? '［加分项］' : '';
          console.log(`${'  '.repeat(depth)}${r.code} ${r.title}${r.score === null ? '' : `（${r.score}分）`}${tag}`);
        });
      });
    });

  choiceOptions(
    indicators
      .command('preview <file>')
      .description('预览测评体系文件：各级数量、分值合计、读取了哪些表格、跳过的行、将新建的责任单位与提示，不写入档案库')
      .option('--json', '以 JSON 输出'),
  ).action(async (file: string, opts: { json?: boolean } & ImportChoiceOptions, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const p = await s.api['systems.preview']({ path: path.resolve(file), ...importChoicesFrom(opts) });
        if (opts.json) return printJson(p);
        if (p.problem) throw new ApiError('bad_input', p.problem);
        console.log(`“${p.name}”：共 ${p.indicators.length} 项指标`);
        for (const l of p.levels) {
          const extra = [l.bonusTotal ? `加分 ${l.bonusTotal} 分` : '', l.vetoCount ? `否决项 ${l.vetoCount} 项` : ''].filter(Boolean);
          console.log(`  第 ${l.depth} 级：${l.count} 项，分值合计 ${l.scoreTotal} 分${extra.length ? `（${extra.join('，')}）` : ''}`);
        }
        if (p.mapping) console.log(`  读取：${p.tables[p.mapping.table]}`);
        p.sections.forEach((x) => {
          const kind = x.kind === 'veto' ? '否决项' : x.kind === 'bonus' ? '加分项' : '指标';
          console.log(`  ${x.skipped ? '未导入' : '另读取'}：${x.label}，${kind}“${x.title}”${x.count} 项（--skip-table ${x.table + 1} 可不导入）`);
        });
        for (const r of p.skippedRows) {
          console.log(r.kept ? `  第 ${r.row} 行（${r.text}）按指定作为指标导入` : `  跳过第 ${r.row} 行（${r.text}）：${r.reason}（--keep-row ${r.row} 仍导入）`);
        }
        const fresh = p.units.filter((u) => !u.registered).map((u) => u.name);
        if (fresh.length > 0) console.log(`  将新建责任单位：${fresh.join('、')}（--unit 表中名称=导入名称 可改名或合并）`);
        if (p.traditional) console.log(opts.simplify ? '  表中的繁体字已转换为简体' : '  表中为繁体字，按原样导入；加 --simplify 可转换为简体');
        for (const w of p.warnings) console.log(`  提示：${w}`);
      });
    });

  program
    .command('selfeval')
    .description('自评：各指标自评得分、各大类与总分合计、达标线与结果')
    .option('--pass-line <score>', '设置达标线（如 85）')
    .option('--json', '以 JSON 输出')
    .action(async (opts: { passLine?: string; json?: boolean }, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const dossierId = s.dossier().id;
        const passLine = opts.passLine === undefined ? undefined : Number(opts.passLine);
        if (passLine !== undefined && !(passLine >= 0)) throw new ApiError('invalid_args', `--pass-line 应为非负数：${opts.passLine}`);
        const e =
          passLine === undefined
            ? await s.api['selfEval.get']({ dossierId })
            : await s.api['selfEval.setPassLine']({ dossierId, passLine });
        if (opts.json) return printJson(e);
        for (const r of e.rows) {
          const value =
            r.kind === 'veto'
              ? r.vetoStatus === 'present'
                ? '存在'
                : r.vetoStatus === 'excluded'
                  ? '已排除'
                  : '未勾选'
              : r.isLeaf && r.maxScore === null
                ? r.met === null
                  ? '未填'
                  : r.met
                    ? '达标'
                    : '未达标'
                : `${r.selfScore ?? '—'}/${r.maxScore ?? '—'}`;
          console.log(`${'  '.repeat(r.depth - 1)}${r.code} ${r.title}：${value}`);
        }
        if (e.byItems) console.log(`测评体系未设分值，按项评定：达标 ${e.itemsMet}/${e.itemCount} 项：${RESULT_TEXT[e.result]}`);
        else console.log(`总分 ${e.total}（计分项 ${e.scoredTotal}/${e.maxScore}，加分 ${e.bonusTotal}），达标线 ${e.passLine ?? '未设'}：${RESULT_TEXT[e.result]}`);
      });
    });

  program
    .command('renew <systemId>')
    .description('复核：把当前档案复制到另一测评体系（按编码或名称对应指标），并报告未能对应的材料')
    .option('--name <name>', '新档案名称')
    .option('--period <period>', '新档案的年度或周期')
    .option('--json', '以 JSON 输出')
    .action(async (systemId: string, opts: { name?: string; period?: string; json?: boolean }, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const report = await s.api['dossiers.newCycle']({
          dossierId: s.dossier().id,
          systemId: parseId(systemId, '测评体系编号'),
          name: opts.name,
          period: opts.period,
        });
        if (opts.json) return printJson(report);
        console.log(`已建立档案“${report.dossier.name}”（编号 ${report.dossier.id}），复制 ${report.materials} 份材料，${report.linksMoved.length} 处归档已对应到新指标`);
        for (const u of report.linksUnmatched) console.log(`未能对应：${u.title}（原指标 ${u.from}）`);
      });
    });
}
