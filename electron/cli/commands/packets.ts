import path from 'node:path';
import type { Command } from 'commander';
import type { Job, JobOf } from '../../../shared/domain';
import { ExitStatus, printJson } from '../output';
import type { ArchiveOptions, CliSession } from '../session';
import { withSession } from '../withSession';

export async function runExport(
  s: CliSession,
  outDir: string,
  parts: { pdf: boolean; xlsx: boolean; folder: boolean },
): Promise<JobOf<'export'>> {
  const dossier = s.dossier();
  const { jobId } = await s.api['packets.export']({ dossierId: dossier.id, outDir: path.resolve(outDir), ...parts });
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
    for (const p of [r.pdfPath, r.xlsxPath, r.folderPath]) if (p) console.log(`  ${p}`);
  }
  for (const n of r.notices) process.stderr.write(`提示：《${n.title}》未合并入 PDF：${n.reason}\n`);
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
    .option('--json', '以 JSON 输出')
    .action(async (opts: { out: string; pdf?: boolean; xlsx?: boolean; folder?: boolean; json?: boolean }, cmd: Command) => {
      const all = !opts.pdf && !opts.xlsx && !opts.folder;
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const job = await runExport(s, opts.out, { pdf: all || !!opts.pdf, xlsx: all || !!opts.xlsx, folder: all || !!opts.folder });
        reportExport(job, status, opts.json);
      });
    });

  program
    .command('verify')
    .description('检查档案库：文件是否完整、未被改动（四性检测）')
    .option('--json', '以 JSON 输出')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const report = await s.api['integrity.verify']({});
        if (!report.ok) status.fail();
        if (opts.json) printJson(report);
        else console.log(report.ok ? `检查通过：共 ${report.filesChecked} 个文件` : `发现 ${report.problems.length} 个问题`);
        for (const p of report.problems) process.stderr.write(`问题：${p.message}\n`);
      });
    });
}
