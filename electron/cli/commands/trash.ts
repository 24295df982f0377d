// 回收站 from the command line: delete (restorable), list, restore, and remove for good.
import type { Command } from 'commander';
import { codesOf, materialLine, materialRow, printChanged } from '../materialRows';
import { printJson } from '../output';
import { parseIds, type ArchiveOptions, type CliSession } from '../session';
import { withSession } from '../withSession';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '');

/** `NAME <materialIds...> [--json]`: the shape every 回收站 action shares. */
function idsCommand(
  program: Command,
  name: string,
  description: string,
  body: (s: CliSession, materialIds: number[], json: boolean | undefined) => Promise<void>,
): void {
  program
    .command(`${name} <materialIds...>`)
    .description(description)
    .option('--json', '以 JSON 输出')
    .action(async (ids: string[], opts: { json?: boolean }, cmd: Command) => {
      const materialIds = parseIds(ids, '材料编号');
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), (s) => body(s, materialIds, opts.json));
    });
}

export function registerTrashCommands(program: Command): void {
  idsCommand(program, 'trash', '删除材料：移入回收站（可还原，文件和归档都保留）', async (s, materialIds, json) => {
    const result = await s.api['materials.trash']({ materialIds });
    if (json) return printJson(result);
    console.log(`已将 ${result.trashed} 份材料移入回收站（可用 dossier trash-restore 还原）`);
  });

  program
    .command('trash-list')
    .description('回收站：列出已删除、尚未彻底清除的材料')
    .option('--json', '以 JSON 输出')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const list = await s.api['materials.listTrash']({ dossierId: s.dossier().id });
        const codes = await codesOf(s);
        const rows = list.map((m) => materialRow(m, codes));
        if (opts.json) return printJson(rows);
        if (rows.length === 0) console.log('回收站是空的');
        for (const r of rows) console.log(`${materialLine(r)}\t删除于 ${when(r.trashedAt)}`);
      });
    });

  // Not `restore`: that name restores a backup (dossier restore FILE).
  idsCommand(program, 'trash-restore', '从回收站还原材料（回到原来归入的指标下）', async (s, materialIds, json) => {
    await printChanged(s, await s.api['materials.restore']({ materialIds }), json, '已还原');
  });

  idsCommand(
    program,
    'purge',
    '彻底清除回收站中的材料（不可恢复；文件在没有其他材料使用时一并删除，变更记录保留）',
    async (s, materialIds, json) => {
      const result = await s.api['materials.purge']({ materialIds });
      if (json) return printJson(result);
      console.log(`已彻底清除 ${result.purged} 份材料，删除 ${result.filesRemoved} 个不再使用的文件`);
    },
  );
}
