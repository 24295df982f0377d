// `dossier`: the archive from the command line, for batch work and scripts.
// Exit codes: 0 success; 1 failure or partial failure (reasons on stderr); 2 usage error.
import { Command, CommanderError } from 'commander';
import { toErrorShape } from '../../shared/errors';
import { appVersion } from '../core/appVersion';
import { registerArchiveCommands } from './commands/archive';
import { registerArchivalCommands } from './commands/archival';
import { registerBundleCommands, registerProgressCommand } from './commands/bundles';
import { registerDemoCommand } from './commands/demo';
import { registerDoctorCommand } from './commands/doctor';
import { registerGroupCommands } from './commands/groups';
import { registerMaterialCommands } from './commands/materials';
import { registerMetadataCommands } from './commands/metadata';
import { registerMinutesCommand } from './commands/minutes';
import { registerOcrCommands } from './commands/ocr';
import { registerTrashCommands } from './commands/trash';
import { registerStatementCommand } from './commands/statement';
import { registerPacketCommands } from './commands/packets';
import { registerIntegrityCommands } from './commands/integrity';
import { ExitStatus } from './output';

const status = new ExitStatus();
const program = new Command('dossier')
  .description('Dossier 创建档案管家：按测评体系归集创建档案、导出迎检资料（离线运行）')
  .version(appVersion)
  .option('--archive <dir>', '档案库文件夹（默认与桌面程序相同）')
  .option('--dossier <id>', '档案编号（档案库中有多个档案时必填）')
  .showHelpAfterError('（使用 --help 查看用法）')
  .exitOverride();

registerArchiveCommands(program);
registerMaterialCommands(program, status);
registerMetadataCommands(program);
registerMinutesCommand(program);
registerOcrCommands(program, status);
registerStatementCommand(program);
registerGroupCommands(program);
registerTrashCommands(program);
registerPacketCommands(program, status);
registerArchivalCommands(program);
registerIntegrityCommands(program, status);
registerDemoCommand(program, status);
registerBundleCommands(program, status);
registerProgressCommand(program);
registerDoctorCommand(program);
for (const cmd of program.commands) {
  cmd.exitOverride();
  for (const sub of cmd.commands) sub.exitOverride();
}

try {
  await program.parseAsync(process.argv);
  process.exitCode = status.code;
} catch (err) {
  if (err instanceof CommanderError) {
    const benign = ['commander.helpDisplayed', 'commander.version', 'commander.help'];
    process.exitCode = benign.includes(err.code) ? 0 : 2;
  } else {
    const { code, message } = toErrorShape(err);
    process.stderr.write(`错误：${message}\n`);
    process.exitCode = code === 'invalid_args' ? 2 : 1;
  }
}
