// Writes a bundle (FORMAT.md): bundle.json, the originals stored as they are, then the manifest
// of both and the archive's signature over it. Streamed entry by entry (writeZip), atomic under
// its final name, and every original hashed again as it is written, so a damaged store file
// never leaves in a bundle whose manifest vouches for it.
import { createHash } from 'node:crypto';
import { ApiError } from '../../../shared/errors';
import { formatManifest } from '../backup/manifest';
import { writeZip, type ZipSource } from '../zip';
import { signBytes, type ArchiveKey } from './keys';
import { fileEntry, MANIFEST_NAME, PAYLOAD_NAME, SIGNATURE_NAME } from './layout';

export interface BundleFile {
  sha256: string;
  /** Where the original is on disk (the store). */
  path: string;
}

export async function writeBundle(outFile: string, payload: object, files: BundleFile[], key: ArchiveKey): Promise<void> {
  const json = Buffer.from(`${JSON.stringify(payload, null, 1)}\n`, 'utf8');
  const hashes = new Map<string, string>([[PAYLOAD_NAME, createHash('sha256').update(json).digest('hex')]]);
  const unique = [...new Map(files.map((f) => [f.sha256, f])).values()].sort((a, b) => a.sha256.localeCompare(b.sha256));
  await writeZip(outFile, entries(json, unique, hashes, key));
}

function* entries(json: Buffer, files: BundleFile[], hashes: Map<string, string>, key: ArchiveKey): Generator<ZipSource> {
  yield { name: PAYLOAD_NAME, buffer: json };
  const seen = new Map<string, ReturnType<typeof createHash>>();
  for (const f of files) {
    const hash = createHash('sha256');
    seen.set(f.sha256, hash);
    yield { name: fileEntry(f.sha256), file: f.path, compress: false, onData: (chunk) => hash.update(chunk) };
  }
  // Generators run lazily: every original above has been written (and hashed) by now.
  for (const [sha, hash] of seen) {
    if (hash.digest('hex') !== sha) throw new ApiError('conflict', `档案库中的原始文件 ${sha.slice(0, 12)}… 已损坏（与其校验值不符），请先运行四性检测`);
    hashes.set(fileEntry(sha), sha);
  }
  const manifest = Buffer.from(formatManifest(hashes), 'utf8');
  yield { name: MANIFEST_NAME, buffer: manifest };
  yield { name: SIGNATURE_NAME, buffer: Buffer.from(`${signBytes(key, manifest)}\n`, 'utf8') };
}
