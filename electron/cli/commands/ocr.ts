import type { Command } from 'commander';
import type { OcrReport, OcrStatus } from '../../../shared/domain';
import { printChanged } from '../materialRows';
import { ExitStatus, printJson } from '../output';
import { parseIds, type ArchiveOptions, type CliSession } from '../session';
import { withSession } from '../withSession';

/** How often `--wait` looks whether another program has finished what it is reading. */
const WAIT_POLL_MS = 1000;

/** Read what waits in this process, progress on stderr; Ctrl+C stops between pages (what was read is kept). */
async function readPending(s: CliSession): Promise<OcrReport> {
  const job = await s.api['ocr.start']({});
  const stop = () => s.ctx.jobs.cancel(job.id);
  process.once('SIGINT', stop);
  const timer = setInterval(() => {
    const now = s.ctx.jobs.get(job.id);
    if (process.stderr.isTTY) process.stderr.write(`\r${Math.round(now.progress * 100)}% ${now.message}`.padEnd(70));
  }, 250);
  try {
    const done = await s.ctx.jobs.wait(job.id);
    if (done.state === 'cancelled') process.stderr.write('\n已取消：已识别的页面已保存，下次运行 dossier ocr 时继续\n');
    if (done.state === 'failed') throw new Error(done.error ?? done.message);
    return (done.kind === 'ocr' && done.result) || { read: 0, pages: 0, failed: [] };
  } finally {
    clearInterval(timer);
    process.off('SIGINT', stop);
    if (process.stderr.isTTY) process.stderr.write('\n');
  }
}

export function registerOcrCommands(program: Command, status: ExitStatus): void {
  program
    .command('ocr')
    .description('识别（OCR）扫描件和标记为文档的照片中的文字，使其可被搜索；--wait 同时等待其他程序（桌面程序）正在识别的文件')
    .option('--wait', '等待全部待识别的文件识别完毕，包括其他程序正在识别的')
    .option('--json', '以 JSON 输出')
    .action(async (opts: { wait?: boolean; json?: boolean }, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const report: OcrReport = { read: 0, pages: 0, failed: [] };
        let state: OcrStatus;
        for (;;) {
          const run = await readPending(s);
          report.read += run.read;
          report.pages += run.pages;
          report.failed.push(...run.failed);
          state = await s.api['ocr.status']({});
          if (!opts.wait || state.pending === 0 || state.job?.state === 'cancelled') break;
          await new Promise((r) => setTimeout(r, WAIT_POLL_MS));
        }
        if (report.failed.length) status.fail();
        if (opts.json) return printJson({ ...report, pending: state.pending, done: state.done, readingElsewhere: state.readingElsewhere });
        console.log(`本次识别 ${report.read} 份（${report.pages} 页），失败 ${report.failed.length} 份；档案中已识别 ${state.done} 份，待识别 ${state.pending} 份`);
        for (const f of report.failed) console.log(`识别失败：《${f.materialTitle}》：${f.reason}`);
        if (state.readingElsewhere) console.log(`另有 ${state.readingElsewhere} 份正由其他程序识别（加 --wait 等待其完成）`);
      });
    });

  program
    .command('document <materialIds...>')
    .description('把照片标记为文档（如手机拍摄的红头文件），由 OCR 识别其中文字；--off 取消标记')
    .option('--off', '取消“文档”标记，识别出的文字不再参与搜索')
    .option('--json', '以 JSON 输出')
    .action(async (ids: string[], opts: { off?: boolean; json?: boolean }, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const list = await s.api['materials.setDocument']({ materialIds: parseIds(ids, '材料编号'), isDocument: !opts.off });
        await printChanged(s, list, opts.json, opts.off ? '已取消文档标记' : '已标记为文档（运行 dossier ocr 识别）');
      });
    });
}
