import fs from 'node:fs/promises';
import path from 'node:path';
import type { Archive } from '../archive/archive';
import { writeAtomically } from '../photos/atomicImage';
import { ensureDerived, isPdf } from '../photos/derivedFile';
import { findOffice } from './findOffice';
import { officeExtension, officeRefusal, type OfficeRefusal } from './officeFormats';
import { ConversionFailed, officeToPdf } from './officeToPdf';

/** The converted PDF, or why there is none. */
export type OfficePdf = { file: string } | { refused: OfficeRefusal | 'noOffice' | 'failed' | 'timeout' };

/** derived/office/ab/<sha256>.pdf: a legacy Office/WPS/slides file as LibreOffice printed it, rebuildable. */
export function officePdfPath(archive: Archive, sha256: string): string {
  return path.join(archive.derivedDir, 'office', sha256.slice(0, 2), `${sha256}.pdf`);
}

/** derived/office/ab/<sha256>.json: what stopped a conversion, so a damaged file is not retried on every export. */
function failurePath(archive: Archive, sha256: string): string {
  return path.join(archive.derivedDir, 'office', sha256.slice(0, 2), `${sha256}.json`);
}

/**
 * The file's pages as PDF, converted once per content (the preview, every packet and the folder
 * export share it). Password-protected and damaged files are named before LibreOffice is asked.
 * Without LibreOffice nothing is kept, so installing it is enough for the next export.
 */
export async function officePdf(archive: Archive, sha256: string, mediaType: string, signal?: AbortSignal): Promise<OfficePdf> {
  const target = officePdfPath(archive, sha256);
  const original = archive.store.pathFor(sha256);
  const known = await fs.readFile(failurePath(archive, sha256), 'utf8').then(
    (t) => (JSON.parse(t) as { refused: OfficeRefusal | 'failed' }).refused,
    () => null,
  );
  if (known) return { refused: known };
  let refused: OfficePdf & { refused: unknown } = { refused: 'failed' };
  const file = await ensureDerived(target, isPdf, async () => {
    const refusal = await officeRefusal(original, mediaType).catch(() => 'damaged' as const);
    if (refusal) {
      refused = { refused: refusal };
      await remember(archive, sha256, refusal);
      return null;
    }
    const office = findOffice();
    if (!office.found) {
      refused = { refused: 'noOffice' };
      return null;
    }
    try {
      const made = await officeToPdf(office.program, original, officeExtension(mediaType), archive.tmpDir, signal);
      await writeAtomically(target, (tmp) => fs.rename(made, tmp));
      return target;
    } catch (err) {
      if (err instanceof ConversionFailed && err.why === 'cancelled') throw err;
      if (err instanceof ConversionFailed && err.why === 'timeout') refused = { refused: 'timeout' };
      else await remember(archive, sha256, 'failed');
      return null;
    }
  });
  return file ? { file } : refused;
}

async function remember(archive: Archive, sha256: string, refused: OfficeRefusal | 'failed'): Promise<void> {
  await writeAtomically(failurePath(archive, sha256), (tmp) => fs.writeFile(tmp, JSON.stringify({ refused })));
}

/** Both files, when the original goes. */
export async function removeOfficePdf(archive: Archive, sha256: string): Promise<void> {
  await fs.rm(officePdfPath(archive, sha256), { force: true });
  await fs.rm(failurePath(archive, sha256), { force: true });
}

/** For the clerk: why a legacy file has no pages, naming the file's format problem or the program to install. */
export function officeRefusalText(refused: Exclude<OfficePdf, { file: string }>['refused']): string {
  switch (refused) {
    case 'password':
      return '文件设置了打开密码，无法转换，请取得无密码的版本后重新添加';
    case 'damaged':
      return '文件已损坏或不完整，无法打开';
    case 'timeout':
      return 'LibreOffice 转换超时（文件过大或过于复杂），请另存为 PDF 后重新添加';
    case 'failed':
      return 'LibreOffice 无法转换此文件（可能已损坏），请另存为 PDF 后重新添加';
    case 'noOffice':
      return '未找到 LibreOffice，请安装 LibreOffice（免费）后重新导出';
  }
}
