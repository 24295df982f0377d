import fs from 'node:fs/promises';
import path from 'node:path';
import type { Dossier, ExportResult, PacketDefinition } from '../../../shared/domain';
import type { ApiArgs } from '../../../shared/api';
import { packetDefinitionSchema } from '../../../shared/api/packets';
import { ApiError } from '../../../shared/errors';
import type { Archive } from '../archive/archive';
import { computeCoverage } from '../coverage/coverage';
import { getSelfEvaluation } from '../dossiers/selfEvaluation';
import { listIndicators } from '../indicators/repo';
import type { JobControl } from '../jobs/jobRegistry';
import type { HtmlRenderer } from '../render/htmlRenderer';
import { assignItemNumbers } from '../archival/itemNumbers';
import { writeZip } from '../zip';
import { AtomicOutputs } from './atomicOutput';
import { getPacket } from './definitions/repo';
import { exportFolder, listFolder } from './folder';
import { folderRelativePath, packetNames, volumeName } from './naming';
import { packetGaps, writeGapReport } from './gapReport';
import { exportOnline } from './online';
import { exportOnlineCategories } from './onlineCategories';
import { buildPacketPdf } from './pdf/packetPdf';
import type { LocateOriginal } from './pdf/placeholder';
import { buildPlan, isPrintedSource, type PacketPlan } from './plan';
import { splitVolumes } from './volumes';
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
function progressShares(o: PacketOptions) {
  const raw = { pdf: o.pdf ? 0.6 : 0, online: o.online ? 0.25 : 0, xlsx: o.xlsx ? 0.03 : 0, folder: o.folder ? 0.12 : 0 };
  const sum = raw.pdf + raw.online + raw.xlsx + raw.folder;
  const part = (n: number) => (n / sum) * 0.98;
  return { pdf: part(raw.pdf), online: part(raw.online), xlsx: part(raw.xlsx), folder: part(raw.folder) };
}

/** The saved definition named by packetId, or a dossier's whole packet with default settings. */
function resolveDefinition(archive: Archive, options: PacketOptions): { dossierId: number; definition: PacketDefinition } {
  if (options.packetId !== undefined) {
    const packet = getPacket(archive.db, options.packetId);
    return { dossierId: packet.dossierId, definition: packet.definition };
  }
  return { dossierId: options.dossierId!, definition: packetDefinitionSchema.parse({}) };
}

/** What the export of `options` will contain. */
export function planExport(archive: Archive, options: PacketOptions): PacketPlan {
  const { dossierId, definition } = resolveDefinition(archive, options);
  return buildPlan(archive, dossierId, definition, options.title);
}

/** Photos, PDFs, video, audio and OOXML are compressed already: stored as they are, the zip is quick. */
const COMPRESSED_ALREADY = /\.(pdf|jpe?g|png|webp|heic|heif|tiff?|mp4|m4v|mov|avi|mp3|m4a|docx|xlsx|pptx|ofd|zip)$/i;

/**
 * Materials this export turns into PDF through a browser: Word, tables, text and 会议纪要 in
 * the packet or 网上申报 PDFs, and 会议纪要 in the folder (as their PDF), each counted once.
 */
export function materialsNeedingRenderer(plan: PacketPlan, options: PacketOptions): number {
  const ids = new Set<number>();
  for (const f of plan.filings) {
    if ((options.pdf || options.online) && isPrintedSource(f.source)) ids.add(f.material.id);
    if (options.folder && f.source.type === 'minutes') ids.add(f.material.id);
  }
  return ids.size;
}

/**
 * The 迎检资料 export: packet PDF (split into volumes when large), 网上申报 PDFs, the workbook and
 * the folder of originals (or one zip), each optional. Everything is written under temporary
 * names and renamed into place only when all of it is complete; a cancel (checked between
 * materials) or an error leaves nothing behind.
 */
export async function exportPacket(deps: PacketDeps, options: PacketOptions): Promise<ExportResult> {
  const { archive, signal, report } = deps;
  if (!options.pdf && !options.xlsx && !options.folder && !options.online && !options.gaps) {
    throw new ApiError('bad_input', '请至少选择一种导出内容（迎检资料 PDF、网上申报 PDF、归档文件目录或材料文件夹）');
  }
  report(0, '正在准备导出');
  // 归档 on the way: materials without a 件号 get theirs now, in packet order, and keep it.
  const first = planExport(archive, options);
  const numbered = assignItemNumbers(archive.db, first.dossier.id, first.filings.map((f) => f.material.id)).length;
  const plan = numbered ? planExport(archive, options) : first;
  const names = packetNames(plan.dossier.name);
  // Where the folder lands: its paths must open from there on Windows. Explorer's 全部解压缩
  // puts a zip's content in a folder named after the zip, and the zip's entries start with the
  // folder's own name: one level deeper.
  const outDir = path.resolve(options.outDir);
  const folderRoot = options.zip ? path.join(outDir, names.folder, names.folder) : path.join(outDir, names.folder);
  const locate: LocateOriginal = options.folder
    ? (f) => `${options.zip ? names.zip : names.folder}/${folderRelativePath(f, folderRoot)}`
    : () => null;
  const shares = progressShares(options);

  await fs.mkdir(options.outDir, { recursive: true });
  const outputs = new AtomicOutputs(options.outDir);
  const result: ExportResult = {
    outDir: options.outDir,
    pdfPath: null,
    volumePaths: [],
    xlsxPath: null,
    folderPath: null,
    zipPath: null,
    gapsPath: null,
    gapCount: packetGaps(plan).length,
    onlineDir: null,
    online: [],
    onlineCategories: null,
    pageCount: 0,
    materialCount: plan.materialCount,
    numbered,
    notices: [],
  };
  try {
    let packet: Map<number, FilingInPacket> | null = null;
    if (options.pdf) {
      packet = await writeVolumes(deps, plan, options, outputs, result, locate, shares.pdf);
    }

    if (options.online) {
      signal.throwIfAborted();
      const base = shares.pdf;
      const dir = await outputs.dir(names.online);
      const online = await exportOnline({
        plan,
        indicators: listIndicators(archive.db, plan.dossier.systemId!),
        by: options.onlineBy,
        capBytes: options.capMb * 1024 * 1024,
        archive,
        renderer: deps.renderer,
        locate,
        dir,
        root: outputs.target(names.online),
        signal,
        progress: (done, count, title) =>
          report(base + shares.online * (count ? done / count : 1), `正在生成网上申报 PDF（${done + 1}/${count}）：${title}`),
      });
      result.onlineCategories = await exportOnlineCategories({ plan, archive, renderer: deps.renderer, dir, root: outputs.target(names.online), signal });
      const finalDir = outputs.target(names.online);
      result.onlineDir = finalDir;
      result.online = online.map((o) => ({ ...o, path: o.path && path.join(finalDir, path.basename(o.path)) }));
    }

    if (options.xlsx) {
      signal.throwIfAborted();
      report(shares.pdf + shares.online, '正在生成归档文件目录');
      const temp = outputs.file(names.xlsx);
      await writeWorkbook(temp, plan, packet, computeCoverage(archive.db, plan.dossier.id), getSelfEvaluation(archive.db, plan.dossier.id));
      result.xlsxPath = outputs.target(names.xlsx);
    }

    if (options.gaps) {
      signal.throwIfAborted();
      await writeGapReport(outputs.file(names.gaps), plan);
      result.gapsPath = outputs.target(names.gaps);
    }

    if (options.folder) {
      signal.throwIfAborted();
      const base = shares.pdf + shares.online + shares.xlsx;
      // The zip is made from a complete folder, which is then dropped: the folder is the unit
      // the manifest describes, whichever form it ships in.
      const dir = options.zip ? await fs.mkdtemp(path.join(options.outDir, '.folder-')) : await outputs.dir(names.folder);
      try {
        const folder = await exportFolder({
          plan,
          archive,
          renderer: deps.renderer,
          dir,
          root: folderRoot,
          signal,
          progress: (done, count, title) =>
            report(base + shares.folder * (count ? done / count : 1) * (options.zip ? 0.6 : 1), `正在复制原件（${done + 1}/${count}）：${title}`),
        });
        for (const f of folder.missing) {
          result.notices.push({ title: f.material.title, reason: '档案库中找不到原件，未复制到材料文件夹' });
        }
        for (const p of folder.partial) result.notices.push({ title: p.filing.material.title, reason: p.reason });
        if (options.zip) {
          signal.throwIfAborted();
          report(base + shares.folder * 0.7, '正在打包 zip');
          const temp = outputs.file(names.zip);
          const root = names.folder;
          const files = await listFolder(dir);
          await writeZip(
            temp,
            files.map((rel) => ({ name: `${root}/${rel}`, file: path.join(dir, ...rel.split('/')), compress: !COMPRESSED_ALREADY.test(rel) })),
          );
          result.zipPath = outputs.target(names.zip);
        } else {
          result.folderPath = outputs.target(names.folder);
        }
      } finally {
        if (options.zip) await fs.rm(dir, { recursive: true, force: true });
      }
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

/** The packet PDF, one file per volume; returns where each filing landed (for the workbook). */
async function writeVolumes(
  deps: PacketDeps,
  plan: PacketPlan,
  options: PacketOptions,
  outputs: AtomicOutputs,
  result: ExportResult,
  locate: LocateOriginal,
  share: number,
): Promise<Map<number, FilingInPacket>> {
  const { signal, report } = deps;
  const names = packetNames(plan.dossier.name);
  const volumes = splitVolumes(plan, options.volumeMb * 1024 * 1024);
  const packet = new Map<number, FilingInPacket>();
  let before = 0;
  for (const [i, volume] of volumes.entries()) {
    signal.throwIfAborted();
    const name = volumeName(names.pdf, i + 1, volumes.length);
    const temp = outputs.file(name);
    const label = volumes.length > 1 ? `第 ${i + 1} 册，` : '';
    const pdf = await buildPacketPdf({
      plan: volume,
      archive: deps.archive,
      renderer: deps.renderer,
      locate,
      signal,
      volume: { index: i + 1, count: volumes.length },
      progress: (done, count, title) =>
        report(
          // A first step at once (the bar moves as soon as the build starts), then per filing.
          share * (0.01 + 0.94 * ((before + done) / Math.max(1, plan.filings.length))),
          title === null ? `正在生成${label}目录、页码和书签` : `正在编入迎检资料（${label}${before + done + 1}/${plan.filings.length}）：${title}`,
        ),
    });
    signal.throwIfAborted();
    report(share * 0.97, '正在保存迎检资料 PDF');
    await pdf.writeTo(temp);
    result.volumePaths.push(outputs.target(name));
    result.pageCount += pdf.pageCount;
    result.notices.push(...pdf.notices);
    for (const [seq, p] of pdf.pages) packet.set(seq, { start: p.start, pages: p.count, reason: p.reason });
    before += volume.filings.length;
  }
  result.pdfPath = result.volumePaths[0] ?? null;
  return packet;
}
