import fs from 'node:fs/promises';
import path from 'node:path';
import type { Dossier, ExportResult } from '../../../shared/domain';
import type { ApiArgs } from '../../../shared/api';
import { ApiError } from '../../../shared/errors';
import type { Archive } from '../archive/archive';
import { computeCoverage } from '../coverage/coverage';
import type { JobControl } from '../jobs/jobRegistry';
import type { HtmlRenderer } from '../render/htmlRenderer';
import { AtomicOutputs } from './atomicOutput';
import { exportFolder } from './folder';
import { folderRelativePath, packetNames } from './naming';
import { buildPacketPdf, type PdfBuildResult } from './pdf/packetPdf';
import type { LocateOriginal } from './pdf/placeholder';
import { buildPlan } from './plan';
import { writeWorkbook, type FilingInPacket } from './xlsx';

export interface PacketDeps extends JobControl {
  archive: Archive;
  renderer: HtmlRenderer | null;
}

export type PacketOptions = ApiArgs<'packets.export'>;

export function defaultOutDir(archive: Archive, dossier: Dossier): string {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '');
  return path.join(archive.root, 'exports', `${dossier.id}-${stamp}`);
}

/** Share of the progress bar each output takes, by how long it usually runs. */
function progressShares(options: PacketOptions): { pdf: number; xlsx: number; folder: number } {
  const raw = { pdf: options.pdf ? 0.75 : 0, xlsx: options.xlsx ? 0.05 : 0, folder: options.folder ? 0.2 : 0 };
  const sum = raw.pdf + raw.xlsx + raw.folder;
  return { pdf: (raw.pdf / sum) * 0.98, xlsx: (raw.xlsx / sum) * 0.98, folder: (raw.folder / sum) * 0.98 };
}

/**
 * The 迎检资料 export: packet PDF, 归档文件目录 workbook and the folder of originals, each
 * optional. Everything is written under temporary names and renamed into place only when all
 * of it is complete; a cancel (checked between materials) or an error leaves nothing behind.
 */
export async function exportPacket(deps: PacketDeps, options: PacketOptions): Promise<ExportResult> {
  const { archive, signal, report } = deps;
  if (!options.pdf && !options.xlsx && !options.folder) {
    throw new ApiError('bad_input', '请至少选择一种导出内容（迎检资料 PDF、归档文件目录或材料文件夹）');
  }
  report(0, '正在准备导出');
  const plan = buildPlan(archive, options.dossierId, options.title);
  const names = packetNames(plan.dossier.name);
  const total = plan.filings.length;
  const locate: LocateOriginal = options.folder
    ? (f) => `${names.folder}/${folderRelativePath(f.indicator, f.seq, total, f.material)}`
    : () => null;
  const shares = progressShares(options);

  await fs.mkdir(options.outDir, { recursive: true });
  const outputs = new AtomicOutputs(options.outDir);
  const result: ExportResult = {
    outDir: options.outDir,
    pdfPath: null,
    xlsxPath: null,
    folderPath: null,
    pageCount: 0,
    materialCount: plan.materialCount,
    notices: [],
  };
  try {
    let pdf: PdfBuildResult | null = null;
    if (options.pdf) {
      const temp = outputs.file(names.pdf);
      pdf = await buildPacketPdf({
        plan,
        archive,
        renderer: deps.renderer,
        locate,
        signal,
        progress: (done, count, title) =>
          report(
            shares.pdf * (count ? done / count : 1) * 0.95,
            title === null ? '正在生成目录、页码和书签' : `正在编入迎检资料（${done + 1}/${count}）：${title}`,
          ),
      });
      signal.throwIfAborted();
      report(shares.pdf * 0.97, '正在保存迎检资料 PDF');
      await fs.writeFile(temp, pdf.bytes, { flag: 'wx' });
      result.pdfPath = outputs.target(names.pdf);
      result.pageCount = pdf.pageCount;
      result.notices.push(...pdf.notices);
    }

    if (options.xlsx) {
      signal.throwIfAborted();
      report(shares.pdf, '正在生成归档文件目录');
      const temp = outputs.file(names.xlsx);
      let packet: Map<number, FilingInPacket> | null = null;
      if (pdf) {
        packet = new Map();
        for (const [seq, p] of pdf.pages) packet.set(seq, { pages: p.count, reason: p.reason });
      }
      await writeWorkbook(temp, plan, packet, computeCoverage(archive.db, plan.dossier.id));
      result.xlsxPath = outputs.target(names.xlsx);
    }

    if (options.folder) {
      signal.throwIfAborted();
      const base = shares.pdf + shares.xlsx;
      const dir = await outputs.dir(names.folder);
      const folder = await exportFolder({
        plan,
        archive,
        dir,
        signal,
        progress: (done, count, title) =>
          report(base + shares.folder * (count ? done / count : 1), `正在复制原件（${done + 1}/${count}）：${title}`),
      });
      for (const f of folder.missing) {
        result.notices.push({ title: f.material.title, reason: '档案库中找不到原件，未复制到材料文件夹' });
      }
      result.folderPath = outputs.target(names.folder);
    }

    signal.throwIfAborted();
    report(0.99, '正在写入导出文件');
    await outputs.commit();
  } catch (err) {
    await outputs.discard();
    throw err;
  }
  report(1, '导出完成');
  return result;
}
