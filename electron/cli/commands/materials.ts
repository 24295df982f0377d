import type { Command } from 'commander';
import { SEARCH_PAGE, searchCountText, type MaterialKind } from '../../../shared/domain';
import { codesOf, collect, materialLine, materialRow, printMaterials } from '../materialRows';
import { ExitStatus, printFailures, printJson } from '../output';
import { indicatorIdsByCode, parseId, type ArchiveOptions } from '../session';
import { withSession } from '../withSession';

export function registerMaterialCommands(program: Command, status: ExitStatus): void {
  program
    .command('add <paths...>')
    .description('添加文件或文件夹（含子文件夹）到档案，可同时归入指标')
    .option('--indicator <code>', '归入的指标编码，可重复', collect, [] as string[])
    .option('--json', '以 JSON 输出')
    .action(async (paths: string[], opts: { indicator: string[]; json?: boolean }, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const dossier = s.dossier();
        const indicatorIds = await indicatorIdsByCode(s, opts.indicator);
        const report = await s.api['materials.add']({ dossierId: dossier.id, paths, indicatorIds });
        if (report.failed.length) status.fail();
        printFailures(report.failed);
        if (opts.json) {
          const codes = await codesOf(s);
          return printJson({
            added: report.added.map((a) => ({ path: a.path, ...materialRow(a.material, codes), notice: a.notice })),
            duplicates: report.duplicates.map((d) => ({ path: d.path, message: d.message, ...materialRow(d.material, codes) })),
            failed: report.failed,
          });
        }
        console.log(`已添加 ${report.added.length} 个，重复 ${report.duplicates.length} 个，失败 ${report.failed.length} 个`);
        for (const d of report.duplicates) console.log(`重复：${d.path}：${d.message}`);
      });
    });

  program
    .command('link <materialId> <code>')
    .description('把材料归入指标（同一材料可归入多个指标，文件只存一份）')
    .action(async (materialId: string, code: string, _opts: unknown, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const indicator = await s.indicatorByCode(code);
        const m = await s.api['materials.link']({ materialId: parseId(materialId, '材料编号'), indicatorId: indicator.id });
        console.log(`已将《${m.title}》归入指标 ${indicator.code} ${indicator.title}`);
      });
    });

  program
    .command('unlink <materialId> <code>')
    .description('把材料移出指标（材料和文件都保留，仍在其他指标下或为未归类）')
    .action(async (materialId: string, code: string, _opts: unknown, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const indicator = await s.indicatorByCode(code);
        const m = await s.api['materials.unlink']({ materialId: parseId(materialId, '材料编号'), indicatorId: indicator.id });
        console.log(`已将《${m.title}》移出指标 ${indicator.code} ${indicator.title}`);
      });
    });

  program
    .command('list')
    .description('列出档案中的材料')
    .option('--indicator <code>', '只列出归入此指标的材料')
    .option('--json', '以 JSON 输出')
    .action(async (opts: { indicator?: string; json?: boolean }, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const dossier = s.dossier();
        const indicatorId = opts.indicator ? (await s.indicatorByCode(opts.indicator)).id : undefined;
        const list = await s.api['materials.list']({ dossierId: dossier.id, indicatorId });
        const codes = await codesOf(s);
        // 提供单位, 报送时间 and 审核 (成员单位报送): empty for what the clerk filed directly.
        const statuses = new Map((await s.api['review.statuses']({ dossierId: dossier.id })).map((x) => [x.materialId, x]));
        const rows = list.map((m) => {
          const st = statuses.get(m.id);
          return { ...materialRow(m, codes), providedBy: st?.providedBy ?? [], submittedAt: st?.submittedAt ?? null, review: st?.review ?? null };
        });
        printMaterials(rows, opts.json);
      });
    });

  program
    .command('search [query]')
    .description('按题名、元数据和文件内文字搜索材料（一两个字也可以），可按类别、指标、责任单位、日期、未归类筛选')
    .option('--kind <kind>', '材料类别（document、photo、photo_group、minutes、video、spreadsheet、other），可重复', collect, [] as string[])
    .option('--indicator <code>', '只搜此指标及其下属指标的材料')
    .option('--unit <name>', '只搜责任单位为此单位的指标下的材料')
    .option('--from <date>', '日期不早于（如 2024-01-01 或 20240101）')
    .option('--to <date>', '日期不晚于（如 2024-12-31）')
    .option('--unlinked', '只搜未归类（未归入任何指标）的材料')
    .option('--limit <n>', `最多列出多少份（默认 ${SEARCH_PAGE}）`, (v) => Number(v))
    .option('--json', '以 JSON 输出')
    .action(async (query: string | undefined, opts: SearchOptions, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const dossier = s.dossier();
        const indicatorId = opts.indicator ? (await s.indicatorByCode(opts.indicator)).id : undefined;
        const result = await s.api['materials.search']({
          dossierId: dossier.id,
          query: query ?? '',
          filters: {
            kinds: opts.kind.length ? (opts.kind as MaterialKind[]) : undefined,
            indicatorId,
            responsibleUnit: opts.unit,
            dateFrom: opts.from,
            dateTo: opts.to,
            unlinked: opts.unlinked,
          },
          limit: opts.limit,
        });
        const codes = await codesOf(s);
        const rows = result.hits.map((h) => ({ ...materialRow(h.material, codes), snippet: h.snippet }));
        if (opts.json) return printJson(rows);
        for (const r of rows) {
          console.log(`${materialLine(r)}${r.snippet ? `\t${r.snippet}` : ''}`);
        }
        console.log(`（${searchCountText(result)}）`);
      });
    });
}

interface SearchOptions {
  kind: string[];
  indicator?: string;
  unit?: string;
  from?: string;
  to?: string;
  unlinked?: boolean;
  limit?: number;
  json?: boolean;
}
