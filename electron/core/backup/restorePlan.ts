// What a restore will write, decided from the zip's directory and the manifest before a single
// byte of content is read: every name judged, every size matched, the whole expansion bounded.
import { ApiError } from '../../../shared/errors';
import { formatBytes, shownName, type ZipEntryInfo } from '../zip';
import { classifyBackupName, type BackupNameKind } from './backupLayout';
import { MANIFEST_NAME, META_NAME, type ManifestLine } from './manifest';

export interface RestorePlan {
  /** The files written, each with the SHA-256 the manifest states. */
  files: Map<string, string>;
  /** The most bytes the restore writes: the planned files' sizes, summed. */
  totalBytes: number;
  /** SHA-256 of every original the manifest proves (checked again as each is written). */
  originals: Set<string>;
}

/** A manifest line whose name has been judged. */
export type ListedFile = ManifestLine & { kind: BackupNameKind };

export interface PlanInput {
  /** “备份文件 <path>”: how messages name the backup. */
  source: string;
  zipSize: number;
  entries: ZipEntryInfo[];
  /** From `judgeManifest`. */
  listed: ReadonlyMap<string, ListedFile>;
  /** backup.json's sizes; null for backups made before sizes were recorded. */
  sizes: ReadonlyMap<string, number> | null;
  /** Most the whole zip may expand over its own size (the per-entry cap, applied to the sum). */
  maxRatio: number;
}

/** Methods the reader streams itself; anything else is not what a backup holds. */
const STORED = 0;
const DEFLATED = 8;

const refusal = (source: string, reason: string) => new ApiError('bad_input', `${source} ${reason}，已拒绝恢复`);

/** Every manifest line judged by name, before anything it names (or anything else) is read. */
export function judgeManifest(source: string, manifest: ManifestLine[]): Map<string, ListedFile> {
  const listed = new Map<string, ListedFile>();
  for (const line of manifest) {
    const at = `的清单第 ${line.line} 行“${shownName(line.name)}”`;
    const judged = classifyBackupName(line.name);
    if ('reason' in judged) throw refusal(source, `${at}${judged.reason}`);
    const twice = listed.get(line.name);
    if (twice) throw refusal(source, `${at}与第 ${twice.line} 行重复`);
    if (judged.kind === 'original' && !line.name.endsWith(`/${line.sha256}`)) throw refusal(source, `已损坏：${at}的校验值与其文件名不符`);
    listed.set(line.name, { ...line, kind: judged.kind });
  }
  if (!listed.has('archive.db')) throw refusal(source, '的清单中没有数据库 archive.db，备份不完整');
  return listed;
}

export function planRestore(input: PlanInput): RestorePlan {
  const { source, listed } = input;
  const refuse = (reason: string) => refusal(source, reason);

  // The zip holds what the manifest lists, once each, and nothing else.
  const inZip = new Map<string, ZipEntryInfo>();
  const unlisted: string[] = [];
  for (const e of input.entries) {
    if (e.isDirectory) continue; // folders follow from the files; none is written on its own
    if (inZip.has(e.name)) throw refuse(`中的“${shownName(e.name)}”出现了不止一次`);
    inZip.set(e.name, e);
    if (!listed.has(e.name) && e.name !== MANIFEST_NAME && e.name !== META_NAME) unlisted.push(shownName(e.name));
  }
  if (unlisted.length) throw refuse(`中有清单以外的文件：${unlisted.slice(0, 3).join('、')}${unlisted.length > 3 ? ` 等 ${unlisted.length} 个` : ''}`);
  const absent = [...listed.keys()].filter((n) => !inZip.has(n));
  if (absent.length) throw refuse(`不完整：缺少 ${absent.slice(0, 3).map(shownName).join('、')}${absent.length > 3 ? ` 等 ${absent.length} 个` : ''}`);

  // Sizes: as backup.json records them, and the whole no bigger than a sane expansion.
  const declaredTotal = input.entries.reduce((sum, e) => sum + e.size, 0);
  if (declaredTotal > input.maxRatio * Math.max(1, input.zipSize)) {
    throw refuse(`解压后共 ${formatBytes(declaredTotal)}，是其自身大小的 ${Math.round(declaredTotal / Math.max(1, input.zipSize))} 倍（疑似压缩炸弹）`);
  }
  const files = new Map<string, string>();
  const originals = new Set<string>();
  let totalBytes = 0;
  for (const [name, line] of listed) {
    if (line.kind === 'stray') continue;
    const entry = inZip.get(name)!;
    // createBackup stores originals and derived files as they are (they cannot expand); only the
    // database is deflated, so it alone is bounded by the ratio cap.
    if (line.kind !== 'database' && entry.method !== STORED) {
      throw refuse(`中的“${shownName(name)}”是压缩存放的，而 Dossier 的备份从不压缩原始文件和派生文件（请使用 Dossier 生成的备份文件本身）`);
    }
    if (entry.method !== STORED && entry.method !== DEFLATED) throw refuse(`中的“${shownName(name)}”使用了备份不会用的压缩方式`);
    if (input.sizes) {
      const recorded = input.sizes.get(name);
      if (recorded === undefined) throw refuse(`的说明 backup.json 没有记录“${shownName(name)}”的大小`);
      if (recorded !== entry.size) {
        throw refuse(`中的“${shownName(name)}”在压缩包中声明为 ${entry.size} 字节，与清单记录的 ${recorded} 字节不符`);
      }
    }
    files.set(name, line.sha256);
    if (line.kind === 'original') originals.add(line.sha256);
    totalBytes += entry.size;
  }
  return { files, totalBytes, originals };
}
