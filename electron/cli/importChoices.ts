import type { Command } from 'commander';
import { ApiError } from '../../shared/errors';

export interface ImportChoiceOptions {
  simplify?: boolean;
  skipTable?: string[];
  keepRow?: string[];
  unit?: string[];
}

/** The preview's choices as command options: --simplify, --skip-table N, --keep-row N (as numbered in the preview), --unit 旧名=新名. */
export function importChoicesFrom(opts: ImportChoiceOptions): {
  simplify?: boolean;
  skipSections?: number[];
  keepRows?: number[];
  unitNames?: { from: string; to: string }[];
} {
  const keepRows = (opts.keepRow ?? []).map((n) => {
    const number = Number(n);
    if (!Number.isInteger(number) || number < 1) throw new ApiError('invalid_args', `--keep-row 应为行号（从 1 起），如 --keep-row 12：${n}`);
    return number;
  });
  const skipSections = (opts.skipTable ?? []).map((n) => {
    const number = Number(n);
    if (!Number.isInteger(number) || number < 1) throw new ApiError('invalid_args', `--skip-table 应为表格序号（从 1 起），如 --skip-table 2：${n}`);
    return number - 1;
  });
  const unitNames = (opts.unit ?? []).map((pair) => {
    const [from, to] = pair.split('=').map((s) => s.trim());
    if (!from || !to) throw new ApiError('invalid_args', `--unit 应写成“表中名称=导入名称”，如 --unit 党办=党政办：${pair}`);
    return { from, to };
  });
  return {
    ...(opts.simplify ? { simplify: true } : {}),
    ...(skipSections.length ? { skipSections } : {}),
    ...(keepRows.length ? { keepRows } : {}),
    ...(unitNames.length ? { unitNames } : {}),
  };
}

/** Repeatable options gather their values. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** --simplify, --skip-table, --unit on a command that reads a 测评体系 file. */
export function choiceOptions(cmd: Command): Command {
  return cmd
    .option('--simplify', '把繁体字转换为简体（默认按原样保留）')
    .option('--skip-table <n>', '不导入第 n 个表格中的否决项/加分项（序号同预览），可重复', collect, [])
    .option('--keep-row <n>', '第 n 行虽被判断为注释、合计或小计，仍作为指标导入（行号同预览），可重复', collect, [])
    .option('--unit <名称对>', '导入前改名或合并责任单位：表中名称=导入名称，可重复', collect, []);
}
