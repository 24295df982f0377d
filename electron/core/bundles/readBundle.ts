// Reads a bundle from another archive (FORMAT.md) and proves it whole before anything in it is
// used: the zip's directory within the limits, exactly the manifest's entries, the payload's
// hash and the signature over the manifest, then every original extracted into a staging
// folder in this process's tmp/ and hashed as it is written against the manifest. Any failure
// refuses the whole bundle, naming the bundle file and the entry; the staging folder goes.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../../shared/errors';
import type { z } from '../../../shared/api/define';
import { parseManifest } from '../backup/manifest';
import { DEFAULT_ZIP_LIMITS, extractZip, listZip, readZipEntry, shownName, UnsafeZipError, type ZipEntryInfo, type ZipLimits } from '../zip';
import { verifyBytes } from './keys';
import { entrySha, fileEntry, MANIFEST_NAME, PAYLOAD_NAME, SIGNATURE_NAME } from './layout';

const MAX_PAYLOAD = 256 * 1024 ** 2;
const MAX_SIGNATURE = 1024;

export interface OpenedBundle<T> {
  payload: T;
  /** Where each original of the bundle was staged (by SHA-256), proven against the manifest. */
  staged: Map<string, string>;
  /** Remove the staging folder (always call it). */
  close(): Promise<void>;
}

/** A long receive: stop between originals when cancelled, and say how many are staged. */
export interface StagingWatch {
  signal?: AbortSignal;
  onStaged?: (done: number, total: number) => void;
}

/**
 * `what` names the bundle in messages (“报送包”, “任务包”); `schema` checks bundle.json; the
 * signer's key is checked by the caller (pinning) after the signature itself is proven here.
 */
export async function openBundle<S extends z.ZodType>(
  file: string,
  what: string,
  schema: S,
  tmpDir: string,
  limits: Partial<ZipLimits> = {},
  watch: StagingWatch = {},
): Promise<OpenedBundle<z.infer<S>>> {
  const source = `${what} ${file}`;
  const refuse = (reason: string): never => {
    throw new ApiError('bad_input', `${source} ${reason}，已拒绝导入`);
  };
  const named = (err: unknown): never => {
    if (err instanceof UnsafeZipError) refuse(`无法读取：${err.message.replace(/，已拒绝$/, '')}`);
    throw err;
  };
  await fs.stat(file).catch(() => refuse('找不到或无法读取'));
  const zipLimits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: await freeBytes(tmpDir), ...limits };
  const entries = await listZip(file, zipLimits).catch(named);
  const manifestText = (await readZipEntry(file, MANIFEST_NAME, entries.length * 400 + 1024).catch(named)) ?? refuse('不是 Dossier 的交换文件（缺少清单 MANIFEST.sha256）');
  const listed = new Map<string, string>();
  for (const line of parseManifest(manifestText.toString('utf8'), source, '已拒绝导入')) {
    const sha = entrySha(line.name);
    if (line.name !== PAYLOAD_NAME && sha === null) refuse(`的清单第 ${line.line} 行“${shownName(line.name)}”不是交换文件中应有的文件`);
    if (sha !== null && sha !== line.sha256) refuse(`已损坏：清单第 ${line.line} 行的校验值与文件名不符`);
    if (listed.has(line.name)) refuse(`的清单第 ${line.line} 行“${shownName(line.name)}”重复`);
    listed.set(line.name, line.sha256);
  }
  checkEntries(entries, listed, refuse);

  const signature = (await readZipEntry(file, SIGNATURE_NAME, MAX_SIGNATURE).catch(named)) ?? refuse('没有签名（缺少 SIGNATURE）');
  const payloadBytes = (await readZipEntry(file, PAYLOAD_NAME, MAX_PAYLOAD).catch(named)) ?? refuse('缺少说明文件 bundle.json');
  if (createHash('sha256').update(payloadBytes).digest('hex') !== listed.get(PAYLOAD_NAME)) refuse(`已损坏：${PAYLOAD_NAME} 的 SHA-256 与清单不符`);
  let raw: unknown;
  try {
    raw = JSON.parse(payloadBytes.toString('utf8'));
  } catch {
    refuse(`已损坏：${PAYLOAD_NAME} 不是有效的 JSON`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    refuse(`的说明文件 ${PAYLOAD_NAME} 不符合格式（${issue.path.join('.') || '根'}：${issue.message}）`);
  }
  const payload = parsed.data as z.infer<S> & { signer: { publicKey: string } };
  if (!verifyBytes(payload.signer.publicKey, manifestText, signature.toString('utf8').trim())) refuse('的签名无效（文件在签名后被改动过，或签名不属于其中的密钥）');

  const staging = path.join(tmpDir, `bundle-${randomUUID()}`);
  const close = () => fs.rm(staging, { recursive: true, force: true });
  try {
    const only = new Set([...listed.keys()].filter((n) => n !== PAYLOAD_NAME));
    let staged = 0;
    await extractZip(file, staging, zipLimits, {
      only,
      onWritten: (name, sha) => {
        if (listed.get(name) !== sha) refuse(`已损坏：“${shownName(name)}”的 SHA-256 与清单不符`);
        watch.signal?.throwIfAborted();
        watch.onStaged?.((staged += 1), only.size);
      },
    }).catch(named);
    const byHash = new Map<string, string>();
    for (const name of only) byHash.set(listed.get(name)!, path.join(staging, ...name.split('/')));
    return { payload, staged: byHash, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** The zip holds the manifest's entries once each, the manifest and the signature, and nothing else; originals stored as they are. */
function checkEntries(entries: ZipEntryInfo[], listed: ReadonlyMap<string, string>, refuse: (reason: string) => never): void {
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.name)) refuse(`中的“${shownName(e.name)}”出现了不止一次`);
    seen.add(e.name);
    if (!listed.has(e.name) && e.name !== MANIFEST_NAME && e.name !== SIGNATURE_NAME) refuse(`中有清单以外的文件“${shownName(e.name)}”`);
    if (entrySha(e.name) !== null && e.method !== 0) refuse(`中的“${shownName(e.name)}”是压缩存放的，而交换文件中的原始文件总是原样存放`);
  }
  for (const name of listed.keys()) if (!seen.has(name)) refuse(`不完整：缺少“${shownName(name)}”`);
}

/** Each listed material's original must be in the bundle, at the size the payload says. */
export function assertOriginals(opened: OpenedBundle<unknown>, wanted: { sha256: string; originalName: string }[], source: string): void {
  for (const w of wanted) {
    if (!opened.staged.has(w.sha256)) throw new ApiError('bad_input', `${source} 不完整：缺少“${w.originalName}”的原始文件 ${fileEntry(w.sha256)}，已拒绝导入`);
  }
}

async function freeBytes(dir: string): Promise<number> {
  const s = await fs.statfs(dir);
  return s.bavail * s.bsize;
}
