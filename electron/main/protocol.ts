import { net, protocol } from 'electron';
import fs from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { PAGE_CSP } from '../../shared/transport';
import type { Archive } from '../core/archive/archive';
import { ensureThumbnail } from '../core/materials/thumbnails';
import { viewablePhoto } from '../core/photos/rendition';
import { officePdfPath } from '../core/convert/officePdf';
import { contentTypeOf } from '../web/staticFiles';
import { APP_SCHEME, appSchemePrivileges, parseAppRequest } from './policy';

/** Must run before app `ready`. */
export function registerSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: appSchemePrivileges }]);
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });

/**
 * app://dossier/… : the built renderer (index.html, assets), and stored files by content hash at
 * /files/<sha256>, /thumbs/<sha256>, /views/<sha256> (the original, its thumbnail, or for HEIC
 * its JPEG rendition). Whatever parseAppRequest does not name is refused, so the page can never
 * reach another file on disk.
 */
export function handleAppProtocol(archive: Archive, rendererRoot: string): void {
  const known = archive.db.prepare('SELECT thumbnail FROM blob WHERE sha256 = ?');
  const mediaOf = (sha: string) => (archive.db.prepare('SELECT media_type FROM blob WHERE sha256 = ?').pluck().get(sha) as string | undefined) ?? '';
  const lookup = (sha: string) => {
    const row = known.get(sha) as { thumbnail: number } | undefined;
    return row ? { thumbnail: row.thumbnail === 1 } : undefined;
  };
  protocol.handle(APP_SCHEME, async (request) => {
    const wanted = parseAppRequest(request.url, rendererRoot, lookup);
    if (!wanted) return notFound();
    if (wanted.kind === 'asset') {
      const body = await fs.readFile(wanted.file).catch(() => null);
      if (!body) return notFound();
      const type = contentTypeOf(wanted.file);
      return new Response(body, {
        headers: {
          'content-type': type,
          'x-content-type-options': 'nosniff',
          ...(type.startsWith('text/html') ? { 'content-security-policy': PAGE_CSP } : {}),
        },
      });
    }
    let file: string | null = archive.store.pathFor(wanted.sha256);
    if (wanted.variant === 'thumb') {
      file = await ensureThumbnail(archive, wanted.sha256, mediaOf(wanted.sha256));
      if (!file) return notFound();
    }
    if (wanted.variant === 'converted') file = officePdfPath(archive, wanted.sha256);
    if (wanted.variant === 'view') {
      const view = await viewablePhoto(archive, wanted.sha256).catch(() => null);
      if (!view) return notFound();
      file = view.file;
    }
    return net.fetch(pathToFileURL(file).toString());
  });
}
