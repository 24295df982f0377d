// `dossier doctor`: what this computer offers the app — version, and which converter turns legacy
// Word/Excel, WPS and slides into pages (or which program to install). Needs no archive.
import type { Command } from 'commander';
import { appVersion } from '../../core/appVersion';
import { findOffice, officeConverterLine } from '../../core/convert/findOffice';
import { printJson } from '../output';

export function registerDoctorCommand(program: Command): void {
  program
    .command('doctor')
    .description('检查本机环境：程序版本、旧版 Office/WPS 文件的转换程序（LibreOffice）')
    .option('--json', '以 JSON 输出')
    .action((opts: { json?: boolean }) => {
      if (opts.json) return printJson({ version: appVersion, office: findOffice() });
      console.log(`Dossier 创建档案管家 ${appVersion}`);
      console.log(officeConverterLine());
    });
}
