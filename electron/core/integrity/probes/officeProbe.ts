import fs from 'node:fs/promises';
import { listZip, UnsafeZipError } from '../../zip';
import { unusable, usable, type Probe } from './types';

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const MACRO_EXTENSIONS = /\.(docm|xlsm|pptm|dotm|xltm|xlsb)$/i;

/** DOCX/XLSX/PPTX: the zip opens and has its content-type part; vbaProject.bin means macros. */
export async function probeOoxml(file: string, originalName: string): Promise<Probe> {
  let names: string[];
  try {
    names = (await listZip(file)).map((e) => e.name);
  } catch (err) {
    return unusable(`Office 文件无法打开（压缩结构损坏）${err instanceof UnsafeZipError ? `：${err.message}` : ''}`);
  }
  if (!names.includes('[Content_Types].xml')) return unusable('Office 文件缺少 [Content_Types].xml，无法打开');
  const security: string[] = [];
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n)) || MACRO_EXTENSIONS.test(originalName)) {
    security.push('Office 文件带有宏（VBA），打开时可能执行代码');
  }
  return usable({ security });
}

/** Legacy .doc/.xls/.wps: the OLE signature, and VBA storages inside (names are UTF-16). */
export async function probeOle(file: string): Promise<Probe> {
  const bytes = await fs.readFile(file);
  if (!bytes.subarray(0, 8).equals(OLE_MAGIC)) return unusable('Office 文件头已损坏，无法打开');
  const utf16 = (s: string) => Buffer.from(s, 'utf16le');
  const hasMacros = ['_VBA_PROJECT', 'VBA', 'Macros'].some((n) => bytes.includes(utf16(n)));
  return usable({ security: hasMacros ? ['Office 文件带有宏（VBA），打开时可能执行代码'] : [] });
}

/** Any other zip filed as a material: it must list, and must not be a zip-slip or zip bomb. */
export async function probeZip(file: string): Promise<Probe> {
  try {
    await listZip(file);
    return usable();
  } catch (err) {
    if (err instanceof UnsafeZipError && err.kind !== 'corrupt') return usable({ security: [err.message] });
    return unusable('压缩包已损坏，无法打开');
  }
}
