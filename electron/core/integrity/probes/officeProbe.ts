import fs from 'node:fs/promises';
import { listZip, readZipEntry, UnsafeZipError } from '../../zip';
import { parseInWorker } from './probeWorker';
import { stoppedProbe, unchecked, unusable, usable, type Probe } from './types';

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const MACRO_EXTENSIONS = /\.(docm|xlsm|pptm|dotm|xltm|xlsb)$/i;
const MACROS = 'Office 文件带有宏（VBA），打开时可能执行代码';
/** The part each OOXML kind cannot open without. */
const MAIN_PARTS = ['word/document.xml', 'xl/workbook.xml', 'ppt/presentation.xml'];
/** A security finding; convert/officeFormats.ts reads it to give the packet a placeholder page instead. */
export const OFFICE_PASSWORD = 'Office/WPS 文件设置了打开密码，无法转换为页面（迎检资料中以说明页代替）';
const DAMAGED = {
  word: 'Word 文档的正文数据已损坏，无法打开',
  workbook: 'Excel 表格的工作簿数据已损坏，无法打开',
  slides: 'PowerPoint 演示文稿的幻灯片数据已损坏，无法打开',
};
const MAX_PART_BYTES = 512 * 1024 * 1024;

/**
 * DOCX/XLSX/PPTX: the zip opens, has its content types, and its main part reads back whole (its
 * CRC-32 checked) as XML; vbaProject.bin means macros.
 */
export async function probeOoxml(file: string, originalName: string): Promise<Probe> {
  let names: string[];
  try {
    names = (await listZip(file)).map((e) => e.name);
  } catch (err) {
    return unusable(`Office 文件无法打开（压缩结构损坏）${err instanceof UnsafeZipError ? `：${err.message}` : ''}`);
  }
  if (!names.includes('[Content_Types].xml')) return unusable('Office 文件缺少 [Content_Types].xml，无法打开');
  const main = MAIN_PARTS.find((p) => names.includes(p));
  if (main) {
    const xml = await readZipEntry(file, main, MAX_PART_BYTES).catch(() => null);
    if (!xml || !/^\s*(\uFEFF)?</.test(xml.subarray(0, 64).toString('utf8'))) return unusable(`Office 文件的正文（${main}）已损坏，无法打开`);
  }
  const security: string[] = [];
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n)) || MACRO_EXTENSIONS.test(originalName)) security.push(MACROS);
  return usable({ security });
}

/**
 * Legacy .doc/.xls/.wps/.et/.ppt/.dps: the compound file opens (SheetJS cfb) and its document stream starts
 * as Word's or Excel's does; macro storages are named. A compound file of another kind (WPS's
 * own layout, say) is reported as not checked, never as passed.
 */
export async function probeOle(file: string, mediaType: string): Promise<Probe> {
  const handle = await fs.open(file, 'r');
  const head = Buffer.alloc(8);
  const size = (await handle.stat()).size;
  await handle.read(head, 0, 8, 0).finally(() => handle.close());
  if (!head.equals(OLE_MAGIC)) return unusable('Office 文件头已损坏，无法打开');
  const outcome = await parseInWorker('ole', file, size);
  if ('stopped' in outcome) return stoppedProbe(outcome.stopped, 'Office 文件');
  if ('error' in outcome) return unusable('Office 文件结构已损坏或不完整，无法打开');
  const { word, workbook, slides, encrypted, macros } = outcome.ok;
  // Kept, as an encrypted PDF is: the original is intact, only its pages cannot be shown.
  const security = [...(encrypted ? [OFFICE_PASSWORD] : []), ...(macros ? [MACROS] : [])];
  if (encrypted) return usable({ security });
  const wants = mediaType === 'application/vnd.ms-excel' ? 'workbook' : mediaType === 'application/vnd.ms-powerpoint' ? 'slides' : 'word';
  const found = { word, workbook, slides }[wants];
  if (found === false) return unusable(DAMAGED[wants]);
  if (found === null) return { ...unchecked('文件结构不是常见的 Word/Excel/PowerPoint 格式，未能确认可以打开'), security };
  return usable({ security });
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
