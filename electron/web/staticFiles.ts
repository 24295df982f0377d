// Built renderer files by URL path, for both shells: browser mode's HTTP bridge and the desktop
// app's app:// protocol. Plain Node, no electron.
import fs from 'node:fs/promises';
import path from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker is an ES module: a browser refuses to run it without a JavaScript type.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** A URL path decoded, or null when an escape is malformed (a client error, never a 500). */
export function decodePathname(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

/**
 * The file a decoded URL path names inside root, or null: nothing outside root (`..`, an
 * absolute or drive path, backslashes on Windows), no NUL, no `:` (Windows streams and drives).
 * Whether the file exists is the caller's question.
 */
export function resolveStaticPath(root: string, decodedPath: string): string | null {
  const rel = decodedPath.replace(/^\/+/, '') || 'index.html';
  if (/[\0:]/.test(rel)) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, rel);
  const inside = path.relative(base, file);
  if (!inside || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return file;
}

/**
 * The built files under assets/, whose names carry a hash of their content: each is read once
 * and then served from memory (the first screen asks for some twenty at once, and a stat and a
 * read of each through the thread pool made them arrive in waves). Returns null for any other
 * file, which is read afresh each time (index.html changes with every build).
 */
export function hashedAssetCache(root: string): (file: string) => Promise<Buffer | null> | null {
  const assets = path.join(path.resolve(root), 'assets') + path.sep;
  const cache = new Map<string, Promise<Buffer | null>>();
  return (file) => {
    if (!file.startsWith(assets)) return null;
    let body = cache.get(file);
    if (!body) {
      body = fs.readFile(file).catch(() => null);
      cache.set(file, body);
      // A file that is not there (yet) is looked for again next time.
      void body.then((b) => b ?? cache.delete(file));
    }
    return body;
  };
}
