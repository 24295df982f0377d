import type { Command } from 'commander';
import { withSession } from '../withSession';
import { printJson } from '../output';
import type { ArchiveOptions } from '../session';

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
  indicators
    .command('import <file>')
    .description('从 Excel（.xlsx）、CSV 或 Word（.docx）导入测评体系，并用于当前档案')
    .option('--name <name>', '测评体系名称（默认取表格标题或文件名）')
    .option('--json', '以 JSON 输出')
    .action(async (file: string, opts: { name?: string; json?: boolean }, cmd: Command) => {
      const archive = cmd.optsWithGlobals<ArchiveOptions>();
      await withSession(archive, async (s) => {
        const dossier = s.dossier();
        const system = await s.api['systems.importFile']({ path: file, name: opts.name });
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
        const rows = list.map((i) => ({
          code: i.code,
          title: i.title,
          parentCode: i.parentId === null ? null : (codeById.get(i.parentId) ?? null),
          score: i.score,
          kind: i.kind,
          numbering: i.numbering,
          methods: i.methods,
        }));
        if (opts.json) return printJson(rows);
        rows.forEach((r, index) => {
          const depth = list[index].depth - 1;
          const tag = r.kind === 'veto' ? '［否决项］' : r.kind === 'bonus' ? '［加分项］' : '';
          console.log(`${'  '.repeat(depth)}${r.code} ${r.title}${r.score === null ? '' : `（${r.score}分）`}${tag}`);
        });
      });
    });
}
