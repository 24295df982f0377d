import path from 'node:path';
import type { Command } from 'commander';
import type { ExportLeftOut, Job, JobOf } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { ExitStatus, printJson } from '../output';
import { parseId, type ArchiveOptions, type CliSession } from '../session';
import { withSession } from '../withSession';

export interface ExportParts {
  pdf: boolean;
  xlsx: boolean;
  folder: boolean;
  zip?: boolean;
  online?: boolean;
  gaps?: boolean;
  capMb?: number;
  allowPlaceholders?: boolean;
}

export async function runExport(s: CliSession, outDir: string, parts: ExportParts, packetId?: number): Promise<JobOf<'export'>> {
  const target = packetId === undefined ? { dossierId: s.dossier().id } : { packetId };
  const { jobId } = await s.api['packets.export']({ ...target, outDir: path.resolve(outDir), ...parts }).catch((err: unknown) => {
    if (err instanceof ApiError && err.code === 'renderer_unavailable') {
      throw new ApiError(err.code, `${err.message}（命令行：加 --allow-placeholders）`);
    }
    throw err;
  });
  const timer = setInterval(() => {
    const job = s.ctx.jobs.get(jobId);
    if (process.stderr.isTTY) process.stderr.write(`\r${Math.round(job.progress * 100)}% ${job.message}`.padEnd(60));
  }, 250);
  try {
    const job = await s.ctx.jobs.wait(jobId);
    if (job.kind !== 'export') throw new Error(`unexpected job kind ${job.kind}`);
    return job;
  } finally {
    clearInterval(timer);
    if (process.stderr.isTTY) process.stderr.write('\n');
  }
}

export function reportExport(job: JobOf<'export'>, status: ExitStatus, json: boolean | undefined): void {
  if (json) printJson(job);
  if (job.state !== 'done' || !job.result) {
    status.fail();
    process.stderr.write(`导出失败：${job.error ?? job.message}\n`);
    return;
  }
  const r = job.result;
  if (!json) {
    console.log(`导出完成：${r.materialCount} 份材料，PDF 共 ${r.pageCount} 页`);
    for (const p of [...r.volumePaths, r.xlsxPath, r.folderPath, r.zipPath, r.onlineDir, r.gapsPath]) if (p) console.log(`  ${p}`);
    if (r.gapCount > 0 && !r.gapsPath) console.log(`  ${r.gapCount} 项指标暂无材料（未编入迎检资料）；加 --gaps 另出内部缺项报告`);
  }
  for (const o of r.online.filter((x) => !x.fits)) {
    status.fail();
    process.stderr.write(`网上申报：${o.indicatorCode} ${o.indicatorTitle} 未生成：${o.reason}\n`);
  }
  for (const n of r.notices) process.stderr.write(`提示：《${n.title}》：${n.reason}\n`);
}

/** What an export will leave out, one line each, as the export dialog lists it. */
function printLeftOut(leftOut: ExportLeftOut, rendererProblem: string | null): void {
  const { unfiled, gaps, placeholders } = leftOut;
  if (unfiled.length + gaps.length + placeholders.length === 0) console.log('所有材料都将编入，没有缺项，也没有以说明页代替的材料');
  for (const m of unfiled) console.log(`不编入：${m.materialId}\t${m.title}：${m.reason}`);
  for (const g of gaps) console.log(`缺项：${g.code} ${g.title}：${g.shown ? '编入，注明“本项未提交材料”' : '不编入'}`);
  for (const m of placeholders) console.log(`说明页：${m.materialId}\t${m.title}：${m.reason}`);
  if (rendererProblem) console.log(`提示：${rendererProblem}`);
}

interface ExportCliOptions {
  out: string;
  pdf?: boolean;
  xlsx?: boolean;
  folder?: boolean;
  zip?: boolean;
  online?: boolean;
  gaps?: boolean;
  capMb: string;
  packet?: string;
  json?: boolean;
  allowPlaceholders?: boolean;
  check?: boolean;
}

export function registerPacketCommands(program: Command, status: ExitStatus): void {
  program
    .command('coverage')
    .description('各指标的材料数量与缺项情况')
    .option('--json', '以 JSON 输出')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const rows = await s.api['coverage.get']({ dossierId: s.dossier().id });
        if (opts.json) return printJson(rows);
        for (const r of rows) {
          const state = r.isLeaf ? (r.missing ? '缺项' : `${r.materialCount} 份`) : `${r.coveredLeaves}/${r.totalLeaves} 项已有材料`;
          console.log(`${'  '.repeat(r.depth - 1)}${r.code} ${r.title}：${state}`);
        }
      });
    });

  program
    .command('export')
    .description('导出迎检资料：合订 PDF、Excel 归档文件目录、按指标分类的文件夹（不加选项时全部导出）')
    .requiredOption('--out <dir>', '输出文件夹')
    .option('--pdf', '导出合订 PDF')
    .option('--xlsx', '导出 Excel 归档文件目录')
    .option('--folder', '导出按指标分类的文件夹')
    .option('--zip', '材料文件夹打包为一个 zip')
    .option('--online', '另导出网上申报 PDF（每个指标一个）')
    .option('--gaps', '另导出内部缺项报告（Excel，无材料的指标及其提供部门、联系人）')
    .option('--cap-mb <n>', '网上申报 PDF 的大小上限（MB）', '10')
    .option('--packet <id>', '按已保存的迎检资料方案导出')
    .option('--check', '只检查不导出：列出不会编入的材料、缺项指标和将以说明页代替的材料')
    .option('--allow-placeholders', '本机没有可用浏览器时仍然导出：Word、表格、文本和会议纪要以说明页代替')
    .option('--json', '以 JSON 输出')
    .action(async (opts: ExportCliOptions, cmd: Command) => {
      const all = !opts.pdf && !opts.xlsx && !opts.folder && !opts.online;
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const parts: ExportParts = {
          pdf: all || !!opts.pdf,
          xlsx: all || !!opts.xlsx,
          folder: all || !!opts.folder || !!opts.zip,
          zip: !!opts.zip,
          online: !!opts.online,
          gaps: !!opts.gaps,
          capMb: Number(opts.capMb),
          allowPlaceholders: !!opts.allowPlaceholders,
        };
        const packetId = opts.packet === undefined ? undefined : parseId(opts.packet, '--packet');
        if (opts.check) {
          const target = packetId === undefined ? { dossierId: s.dossier().id } : { packetId };
          const p = await s.api['packets.preflight']({ ...target, outDir: path.resolve(opts.out), ...parts });
          if (opts.json) return printJson(p);
          printLeftOut(p.leftOut, p.rendererProblem);
          return;
        }
        const job = await runExport(s, opts.out, parts, packetId);
        reportExport(job, status, opts.json);
      });
    });

  program
    .command('packets')
    .description('列出已保存的迎检资料方案（在程序的“导出迎检资料”中新建和编辑）')
    .option('--json', '以 JSON 输出')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const list = await s.api['packets.list']({ dossierId: s.dossier().id });
        if (opts.json) return printJson(list);
        if (list.length === 0) console.log('还没有保存的迎检资料方案');
        for (const p of list) {
          const d = p.definition;
          const scope = d.indicatorIds === null ? '全部指标' : `${d.indicatorIds.length} 项指标`;
          console.log(`${p.id}\t${p.name}\t${scope}\t${d.cover.title || '（默认标题）'}`);
        }
      });
    });
}
