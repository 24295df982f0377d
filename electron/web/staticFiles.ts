// Built renderer files by URL path, for both shells: browser mode's HTTP bridge and the desktop
// app's app:// protocol. Plain Node, no electron.
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
