// 归档 from the command line: the dossier's 档号 rule, and giving materials their 件号 and 档号.
import type { Command } from 'commander';
import { ApiError } from '../../../shared/errors';
import { printChanged } from '../materialRows';
import { printJson } from '../output';
import { parseIds, type ArchiveOptions } from '../session';
import { withSession } from '../withSession';

interface RuleOptions {
  pattern?: string;
  fonds?: string;
  digits?: string;
  retention?: string;
  json?: boolean;
}

export function registerArchivalCommands(program: Command): void {
  program
    .command('archival-rule')
    .description('查看或修改本档案的档号规则（已编号的材料档号不变，只影响以后编号的材料）')
    .option('--pattern <rule>', '档号规则，可用 {全宗号} {年度} {保管期限} {件号}，例如 "{全宗号}-{年度}-{保管期限}-{件号}"')
    .option('--fonds <number>', '全宗号')
    .option('--digits <n>', '件号位数（1–8）')
    .option('--retention <code>', '未填保管期限时用的期限：Y、D30 或 D10')
    .option('--json', '以 JSON 输出')
    .action(async (opts: RuleOptions, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const dossier = s.dossier();
        let rule = dossier.archivalRule;
        if (opts.pattern !== undefined || opts.fonds !== undefined || opts.digits !== undefined || opts.retention !== undefined) {
          const digits = opts.digits === undefined ? rule.itemDigits : Number(opts.digits);
          if (!Number.isInteger(digits)) throw new ApiError('invalid_args', `--digits 应为 1–8 的整数：${opts.digits}`);
          const next = {
            pattern: opts.pattern ?? rule.pattern,
            fondsNumber: opts.fonds ?? rule.fondsNumber,
            itemDigits: digits,
            defaultRetention: (opts.retention ?? rule.defaultRetention) as typeof rule.defaultRetention,
          };
          rule = (await s.api['dossiers.setArchivalRule']({ dossierId: dossier.id, rule: next })).archivalRule;
        }
        if (opts.json) return printJson(rule);
        console.log(`档号规则：${rule.pattern}`);
        console.log(`全宗号：${rule.fondsNumber || '（未填）'}　件号位数：${rule.itemDigits}　未填保管期限时：${rule.defaultRetention}`);
      });
    });

  program
    .command('number [materialIds...]')
    .description('归档：按档号规则给材料编件号和档号（不写编号时，给已归入指标、尚未编号的全部材料按指标顺序编号；导出时也会自动编号）')
    .option('--json', '以 JSON 输出')
    .action(async (ids: string[], opts: { json?: boolean }, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const dossierId = s.dossier().id;
        const materialIds = ids.length ? parseIds(ids, '材料编号') : undefined;
        const numbered = await s.api['materials.number']({ dossierId, materialIds });
        if (!opts.json && numbered.length === 0) return console.log('没有需要编号的材料（已编号的材料档号不变）');
        await printChanged(s, numbered, opts.json, '已编号');
      });
    });
}
