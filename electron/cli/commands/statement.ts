import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { STATEMENT_MAX_CHARS, statementLength } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { printJson } from '../output';
import type { ArchiveOptions } from '../session';
import { withSession } from '../withSession';

interface StatementOptions {
  text?: string;
  fromFile?: string;
  note?: string;
  json?: boolean;
}

/** A statement file as clerks save them: UTF-8 (with or without BOM), else GB18030 (Windows 记事本 “ANSI”). */
function readStatementFile(file: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ApiError('bad_input', `${file}：${code === 'ENOENT' ? '文件不存在' : '无法读取该文件'}`);
  }
  if (bytes.length > 64 * 1024) throw new ApiError('bad_input', `${file}：文件过大（${bytes.length} 字节），结论性说明最多 ${STATEMENT_MAX_CHARS} 字`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export function registerStatementCommand(program: Command): void {
  program
    .command('statement <code>')
    .description(`结论性说明：写入某项指标的结论性说明（最多 ${STATEMENT_MAX_CHARS} 字，印在测评材料提交表上）；不带 --text/--from-file 时显示现有说明`)
    .option('--text <text>', '结论性说明的文字（空字符串清除）')
    .option('--from-file <file>', '从文本文件读取结论性说明（UTF-8 或 GBK）')
    .option('--note <note>', '同时写入该项的自评备注（仅末级指标）')
    .option('--json', '以 JSON 输出')
    .action(async (code: string, opts: StatementOptions, cmd: Command) => {
      if (opts.text !== undefined && opts.fromFile !== undefined) {
        throw new ApiError('invalid_args', '--text 与 --from-file 只能选其一');
      }
      let text = opts.text;
      let source = '--text';
      if (opts.fromFile !== undefined) {
        source = path.resolve(opts.fromFile);
        text = readStatementFile(source);
      }
      if (text !== undefined) {
        const length = statementLength(text.trim());
        if (length > STATEMENT_MAX_CHARS) {
          throw new ApiError('bad_input', `${source}：结论性说明最多 ${STATEMENT_MAX_CHARS} 字，现有 ${length} 字，请精简后再保存`);
        }
      }
      await withSession(cmd.optsWithGlobals<ArchiveOptions>(), async (s) => {
        const dossierId = s.dossier().id;
        const indicator = await s.indicatorByCode(code);
        let e = await s.api['selfEval.get']({ dossierId });
        if (text !== undefined) e = await s.api['selfEval.setStatement']({ dossierId, indicatorId: indicator.id, statement: text });
        if (opts.note !== undefined) e = await s.api['selfEval.set']({ dossierId, indicatorId: indicator.id, note: opts.note });
        const row = e.rows.find((r) => r.indicatorId === indicator.id)!;
        if (opts.json) return printJson({ indicatorId: row.indicatorId, code: row.code, title: row.title, statement: row.statement, note: row.note });
        const label = `“${row.code} ${row.title}”`;
        if (text !== undefined) {
          console.log(row.statement ? `已保存${label}的结论性说明（${statementLength(row.statement)} 字）` : `已清除${label}的结论性说明`);
        } else if (opts.note === undefined) {
          console.log(row.statement ? `${label}的结论性说明：\n${row.statement}` : `${label}还没有结论性说明`);
        }
        if (opts.note !== undefined) console.log(`已保存${label}的自评备注`);
      });
    });
}
