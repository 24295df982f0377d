// 组照 from the command line: file several photos as one group, or split a group back.
import type { Command } from 'commander';
import { printChanged } from '../materialRows';
import { parseId, parseIds, type ArchiveOptions } from '../session';
import { withSession } from '../withSession';

export function registerGroupCommands(program: Command): void {
  program
    .command('group <photoIds...>')
    .description('把几张照片组成一个组照（按所写顺序；归入的指标合并）')
    .option('--title <text>', '组照题名（默认取第一张照片的题名）')
    .option('--json', '以 JSON 输出')
    .action(async (ids: string[], opts: { title?: string; json?: boolean }, cmd: Command) => {
      const materialIds = parseIds(ids, '照片的材料编号');
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const group = await s.api['materials.groupPhotos']({ dossierId: s.dossier().id, materialIds, title: opts.title });
        await printChanged(s, [group], opts.json, `已将 ${group.photos.length} 张照片组成组照`);
      });
    });

  program
    .command('ungroup <groupId>')
    .description('拆分组照：每张照片回到单张照片（说明、组照的著录信息和归入的指标都保留）')
    .option('--json', '以 JSON 输出')
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
      const materialId = parseId(id, '组照的材料编号');
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const photos = await s.api['materials.ungroupPhotos']({ materialId });
        await printChanged(s, photos, opts.json, '拆出照片');
      });
    });
}
