// `dossier edit` (DA/T 22 / DA/T 50 著录信息, one material or many) and `dossier history`.
import type { Command } from 'commander';
import { materialFieldLabels, ONLINE_CATEGORIES, retentionOptions, type Material, type MaterialFields, type OnlineCategory } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { printChanged } from '../materialRows';
import { printJson } from '../output';
import { parseId, parseIds, type ArchiveOptions } from '../session';
import { withSession } from '../withSession';

/** One option per field; commander names each by its camelCase key (--doc-number → docNumber). */
const fieldOptions: { flag: string; key: keyof MaterialFields; hint?: string }[] = [
  { flag: '--title <text>', key: 'title', hint: '只能逐份修改' },
  { flag: '--responsible <text>', key: 'responsible' },
  { flag: '--doc-number <text>', key: 'docNumber' },
  { flag: '--date <日期>', key: 'date', hint: '如 2023-11-05、2023年11月5日 或 20231105；"" 清除' },
  { flag: '--security-level <text>', key: 'securityLevel', hint: '如 内部、公开' },
  { flag: '--retention <text>', key: 'retention', hint: retentionOptions.join('、') },
  { flag: '--pages <n>', key: 'pages', hint: '只能逐份修改；"" 清除' },
  { flag: '--note <text>', key: 'note' },
  { flag: '--photo-time <text>', key: 'photoTime' },
  { flag: '--place <text>', key: 'place' },
  { flag: '--people <text>', key: 'people' },
  { flag: '--photographer <text>', key: 'photographer' },
  { flag: '--description <text>', key: 'description' },
];

/** Fields only one material at a time may take (as in the app's 批量修改). */
const singleOnly: (keyof MaterialFields)[] = ['title', 'pages'];

function fieldsFrom(opts: Record<string, unknown>): Partial<MaterialFields> {
  const fields: Record<string, unknown> = {};
  for (const { key } of fieldOptions) {
    const value = opts[key];
    if (typeof value !== 'string') continue;
    if (key !== 'pages') fields[key] = value;
    else if (value.trim() === '') fields.pages = null;
    else if (Number.isNaN(Number(value))) throw new ApiError('invalid_args', `页数应为整数：${value}`);
    else fields.pages = Number(value);
  }
  return fields as Partial<MaterialFields>;
}

export function registerMetadataCommands(program: Command): void {
  const edit = program
    .command('edit <materialIds...>')
    .description('修改材料的著录信息（DA/T 22、DA/T 50）；给出多个编号时批量修改，只改所写的项');
  for (const o of fieldOptions) edit.option(o.flag, `${materialFieldLabels[o.key]}${o.hint ? `（${o.hint}）` : ''}`);
  edit.option('--online-category <类别>', `网上申报类别：${ONLINE_CATEGORIES.join('、')}，或“默认”（按材料类型）`);
  edit.option('--json', '以 JSON 输出').action(async (ids: string[], opts: Record<string, unknown>, cmd: Command) => {
    const materialIds = parseIds(ids, '材料编号');
    const { onlineCategory, ...rest } = opts;
    const fields = fieldsFrom(rest);
    let category: OnlineCategory | null | undefined;
    if (typeof onlineCategory === 'string') {
      if (onlineCategory === '默认') category = null;
      else if ((ONLINE_CATEGORIES as readonly string[]).includes(onlineCategory)) category = onlineCategory as OnlineCategory;
      else throw new ApiError('invalid_args', `网上申报类别只能是 ${ONLINE_CATEGORIES.join('、')} 或“默认”：${onlineCategory}`);
    }
    if (category !== undefined && Object.keys(fields).length === 0) {
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        await printChanged(s, await s.api['materials.setOnlineCategory']({ materialIds, category: category! }), opts.json === true, '已修改');
      });
      return;
    }
    if (Object.keys(fields).length === 0) {
      throw new ApiError('invalid_args', '请至少写出一项要修改的著录信息，例如 --title 或 --date（见 dossier edit --help）');
    }
    const single = fieldOptions.filter((o) => singleOnly.includes(o.key) && o.key in fields);
    if (materialIds.length > 1 && single.length) {
      const names = single.map((o) => materialFieldLabels[o.key]).join('和');
      const flags = single.map((o) => o.flag.split(' ')[0]).join('、');
      throw new ApiError('invalid_args', `${names}只能逐份修改：同时修改 ${materialIds.length} 份材料时请不要写 ${flags}`);
    }
    await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
      const changed: Material[] =
        materialIds.length === 1
          ? [await s.api['materials.update']({ materialId: materialIds[0], fields })]
          : await s.api['materials.updateMany']({ materialIds, fields });
      if (category !== undefined) changed.splice(0, changed.length, ...(await s.api['materials.setOnlineCategory']({ materialIds, category })));
      await printChanged(s, changed, opts.json === true, '已修改');
    });
  });

  program
    .command('history <materialId>')
    .description('材料的变更记录：添加、修改（原值 → 新值）、归入指标、组照、删除与还原；已彻底清除的材料也可查')
    .option('--json', '以 JSON 输出')
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
      const materialId = parseId(id, '材料编号');
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const entries = await s.api['materials.history']({ materialId });
        if (entries.length === 0) throw new ApiError('not_found', `没有编号为 ${materialId} 的材料的变更记录`);
        if (opts.json) return printJson(entries);
        for (const e of entries) console.log(`${new Date(e.at).toLocaleString('zh-CN', { hour12: false })}  ${e.summary}`);
      });
    });
}
