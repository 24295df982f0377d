import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { thumbnailPath, type Archive } from '../core/archive/archive';
import { isSha256 } from '../core/store/blobStore';

export const FILE_SCHEME = 'dossier';

/** Must run before app `ready`. */
export function registerSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: FILE_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/**
 * dossier://blob/<sha256> and dossier://thumb/<sha256>: stored files by content hash only.
 * Anything that is not a known hash is refused, so the page can never name a path on disk.
 */
export function handleFileProtocol(archive: Archive): void {
  const known = archive.db.prepare('SELECT thumbnail FROM blob WHERE sha256 = ?');
  protocol.handle(FILE_SCHEME, (request) => {
    const url = new URL(request.url);
    const sha = url.pathname.replace(/^\//, '');
    const row = isSha256(sha) ? (known.get(sha) as { thumbnail: number } | undefined) : undefined;
    if (!row || (url.host !== 'blob' && url.host !== 'thumb') || (url.host === 'thumb' && !row.thumbnail)) {
      return new Response('Not found', { status: 404 });
    }
    const file = url.host === 'blob' ? archive.store.pathFor(sha) : thumbnailPath(archive, sha);
    return net.fetch(pathToFileURL(file).toString());
  });
}
