import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { VerifyReport } from '../../../shared/domain';
import { VERIFY_CHECK_LABELS } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { createBackup } from '../../core/backup/createBackup';
import { restoreBackup } from '../../core/backup/restoreBackup';
import { ExitStatus, printJson } from '../output';
import type { ArchiveOptions } from '../session';
import { withSession } from '../withSession';

function printReport(report: VerifyReport, status: ExitStatus, json: boolean | undefined): void {
  if (!report.ok) status.fail();
  if (json) printJson(report);
  else {
    console.log(`${report.ok ? '检查通过' : '检查未通过'}：共 ${report.filesChecked} 个文件、${report.materialsChecked} 份材料`);
    for (const s of report.sections) console.log(`  ${s.label}：错误 ${s.errors} 个，提示 ${s.warnings} 个`);
  }
  // Every failing material and file by name, whatever the output format.
  for (const p of report.problems) {
    process.stderr.write(`${p.severity === 'error' ? '问题' : '提示'}（${VERIFY_CHECK_LABELS[p.check]}）：${p.message}\n`);
  }
}

export function registerIntegrityCommands(program: Command, status: ExitStatus): void {
  program
    .command('verify')
    .description('四性检测：真实性、完整性、可用性、安全性（有错误时退出码为 1）')
    .option('--json', '以 JSON 输出')
    .option('--pdf <dir>', '同时把检测报告导出为 PDF 到此文件夹')
    .option('--xlsx <dir>', '同时把检测报告导出为 Excel 到此文件夹')
    .action(async (opts: { json?: boolean; pdf?: string; xlsx?: string }, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        printReport(await s.api['integrity.verify']({}), status, opts.json);
        for (const format of ['pdf', 'xlsx'] as const) {
          const dir = opts[format];
          if (!dir) continue;
          const out = await s.api['integrity.exportReport']({ format, outDir: path.resolve(dir) });
          process.stderr.write(`报告已导出：${out.path}\n`);
        }
      });
    });

  program
    .command('backup')
    .description('把整个档案库备份为一个 zip 文件（数据库快照 + 全部原始文件 + SHA-256 清单）')
    .requiredOption('--out <file>', '备份文件（.zip）')
    .option('--json', '以 JSON 输出')
    .action(async (opts: { out: string; json?: boolean }, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const result = await createBackup(s.ctx.archive, path.resolve(opts.out));
        if (opts.json) printJson(result);
        else console.log(`备份完成：${result.file}（${result.blobCount} 个原始文件）`);
      });
    });

  program
    .command('restore <file>')
    .description('把备份恢复到一个新的文件夹：逐个核对清单中的 SHA-256，完整无误才启用，再做四性检测（有错误时退出码为 1）')
    .option('--json', '以 JSON 输出')
    .action(async (file: string, opts: { json?: boolean }, cmd: Command) => {
      const { archive } = cmd.optsWithGlobals<ArchiveOptions>();
      if (/^\d+$/.test(file) && !fs.existsSync(file)) {
        throw new ApiError('invalid_args', `没有找到备份文件 ${file}。要从回收站还原材料，请用：dossier trash-restore ${file}`);
      }
      if (!archive) throw new ApiError('invalid_args', '请用 --archive 指定恢复到的新文件夹');
      const result = await restoreBackup(path.resolve(file), path.resolve(archive));
      const errors = result.report.problems.filter((p) => p.severity === 'error');
      if (errors.length) status.fail();
      if (opts.json) return printJson(result);
      if (!errors.length) return console.log(`已恢复到 ${result.archivePath}：${result.filesRestored} 个文件，四性检测通过`);
      console.log(`已恢复到 ${result.archivePath}：${result.filesRestored} 个文件与清单一致；四性检测发现 ${errors.length} 个错误（备份时档案中已有）：`);
      for (const p of errors.slice(0, 10)) console.log(`  ${p.message}`);
    });
}
