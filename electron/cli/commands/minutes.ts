// `dossier minutes`: 会议纪要 filled in as the app's form, from options or a JSON file.
import fs from 'node:fs';
import type { Command } from 'commander';
import { minutesFieldLabels, type MinutesForm } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { collect, printChanged } from '../materialRows';
import { indicatorIdsByCode, parseId, type ArchiveOptions } from '../session';
import { withSession } from '../withSession';

/** Option per form field; `--name` is the meeting's name. */
const flagFor = (key: keyof MinutesForm) => (key === 'meetingName' ? 'name' : key);

/** A JSON object whose keys are the form's field names or their Chinese labels (会议名称, 时间, …). */
function readFormFile(file: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    const reason = err instanceof SyntaxError ? '不是有效的 JSON' : `无法读取（${(err as Error).message}）`;
    throw new ApiError('invalid_args', `${file}：${reason}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ApiError('invalid_args', `${file}：应为一个 JSON 对象，如 {"会议名称": "…", "时间": "…"}`);
  }
  const byLabel = new Map(minutesFieldLabels.map(([key, label]) => [label, key]));
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [byLabel.get(k) ?? k, v]));
}

interface MinutesOptions extends Record<string, unknown> {
  fromJson?: string;
  material?: string;
  indicator: string[];
  json?: boolean;
}

export function registerMinutesCommand(program: Command): void {
  const cmd = program
    .command('minutes')
    .description('填写会议纪要（与程序中的表单相同），可同时归入指标；--material 修改已有的纪要，只改所写的项');
  for (const [key, label] of minutesFieldLabels) cmd.option(`--${flagFor(key)} <text>`, label);
  cmd
    .option('--from-json <file>', 'JSON 文件：键为字段名或中文名称（会议名称、时间、地点……）；命令行所写的项优先')
    .option('--material <id>', '要修改的会议纪要的材料编号')
    .option('--indicator <code>', '归入的指标编码，可重复', collect, [] as string[])
    .option('--json', '以 JSON 输出')
    .action(async (opts: MinutesOptions, command: Command) => {
      const materialId = opts.material === undefined ? undefined : parseId(opts.material, '--material');
      const fromFile = opts.fromJson ? readFormFile(opts.fromJson) : {};
      const fromFlags = Object.fromEntries(
        minutesFieldLabels.flatMap(([key]) => (typeof opts[flagFor(key)] === 'string' ? [[key, opts[flagFor(key)]]] : [])),
      );
      await withSession(command.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const dossierId = s.dossier().id;
        const indicatorIds = await indicatorIdsByCode(s, opts.indicator);
        // Editing starts from the saved form, as the app's form does; a new one from empty fields.
        const base = materialId === undefined ? { meetingName: '', time: '' } : await s.api['materials.getMinutes']({ materialId });
        const form = { ...base, ...fromFile, ...fromFlags } as MinutesForm;
        const saved = await s.api['materials.saveMinutes']({ dossierId, materialId, form, indicatorIds });
        await printChanged(s, [saved], opts.json, '已保存会议纪要');
      });
    });
}
