import fs from 'node:fs';
import path from 'node:path';

/** The office converter found on this computer, or why there is none. */
export type OfficeConverter = { found: true; program: string; name: string } | { found: false; name: null };

/** For the clerk: the exact program to install when none was found. */
export const INSTALL_OFFICE_HINT = '未找到 LibreOffice，请安装 LibreOffice（免费，https://zh-cn.libreoffice.org）后重新导出';

const WINDOWS_FOLDERS = ['C:\\Program Files\\LibreOffice\\program\\soffice.exe', 'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe'];
const MAC_APP = '/Applications/LibreOffice.app/Contents/MacOS/soffice';

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(names: string[]): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (isFile(candidate)) return candidate;
    }
  }
  return null;
}

/**
 * LibreOffice's soffice: DOSSIER_SOFFICE when set (a path, or `none` to act as if it were absent),
 * else on PATH, else its usual install folders. Looked up on every call: installing LibreOffice
 * while the app runs takes effect on the next export.
 */
export function findOffice(): OfficeConverter {
  const override = process.env.DOSSIER_SOFFICE?.trim();
  if (override === 'none') return { found: false, name: null };
  const windows = process.platform === 'win32';
  const program = override
    ? isFile(override)
      ? override
      : null
    : (onPath(windows ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice']) ??
      (windows ? WINDOWS_FOLDERS : [MAC_APP]).find(isFile) ??
      null);
  return program ? { found: true, program, name: 'LibreOffice' } : { found: false, name: null };
}

/** One line for the CLI and the UI: which converter turns legacy Office files into pages. */
export function officeConverterLine(): string {
  const office = findOffice();
  return office.found ? `旧版 Office/WPS 文件转换：LibreOffice（${office.program}）` : `旧版 Office/WPS 文件转换：${INSTALL_OFFICE_HINT}`;
}
