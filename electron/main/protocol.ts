import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import type { Archive } from '../core/archive/archive';
import { ensureThumbnail } from '../core/materials/thumbnails';
import { viewablePhoto } from '../core/photos/rendition';
import { parseFileRequest } from './policy';

export const FILE_SCHEME = 'dossier';

/** Must run before app `ready`. */
export function registerSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: FILE_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/**
 * dossier://blob/<sha256>, dossier://thumb/<sha256> and dossier://view/<sha256> (the original,
 * or for HEIC its JPEG rendition): stored files by content hash only.
 * Anything that is not a known hash is refused (see parseFileRequest), so the page can never
 * name a path on disk.
 */
export function handleFileProtocol(archive: Archive): void {
  const known = archive.db.prepare('SELECT thumbnail FROM blob WHERE sha256 = ?');
  const mediaOf = (sha: string) => (archive.db.prepare('SELECT media_type FROM blob WHERE sha256 = ?').pluck().get(sha) as string | undefined) ?? '';
  const lookup = (sha: string) => {
    const row = known.get(sha) as { thumbnail: number } | undefined;
    return row ? { thumbnail: row.thumbnail === 1 } : undefined;
  };
  protocol.handle(FILE_SCHEME, async (request) => {
    const wanted = parseFileRequest(request.url, lookup);
    if (!wanted) return new Response('Not found', { status: 404 });
    let file: string | null = archive.store.pathFor(wanted.sha256);
    if (wanted.kind === 'thumb') {
      file = await ensureThumbnail(archive, wanted.sha256, mediaOf(wanted.sha256));
      if (!file) return new Response('Not found', { status: 404 });
    }
    if (wanted.kind === 'view') {
      const view = await viewablePhoto(archive, wanted.sha256).catch(() => null);
      if (!view) return new Response('Not found', { status: 404 });
      file = view.file;
    }
    return net.fetch(pathToFileURL(file).toString());
  });
}
