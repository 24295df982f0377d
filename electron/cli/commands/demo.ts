import path from 'node:path';
import type { Command } from 'commander';
import { buildDemoArchive } from '../../core/demo/buildDemo';
import type { ExitStatus } from '../output';
import { openSession } from '../session';
import { reportExport, runExport } from './packets';

export function registerDemoCommand(program: Command, status: ExitStatus): void {
  program
    .command('demo')
    .description('用内置示例测评体系和示例材料建一个演示档案库，并导出迎检资料')
    .requiredOption('--out <dir>', '输出文件夹（其中 archive/ 为演示档案库）')
    .action(async (opts: { out: string }) => {
      const out = path.resolve(opts.out);
      const session = openSession({ archive: path.join(out, 'archive') });
      try {
        const summary = await buildDemoArchive(session.api, path.join(out, '示例材料'));
        console.log(`演示档案库：${session.ctx.archive.root}（${summary.materialCount} 份材料，${summary.indicatorCount} 项指标）`);
        reportExport(await runExport(session, out, { pdf: true, xlsx: true, folder: true }), status, false);
      } finally {
        await session.close();
      }
    });
}
