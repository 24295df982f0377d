import path from 'node:path';

/**
 * An uploaded file keeps the clerk's own name (it becomes the material's title), but only as a
 * single safe path segment inside the upload folder.
 */
export function sanitizeUploadName(raw: string): string {
  const base = path.basename(raw.replace(/\\/g, '/'));
  const cleaned = base.replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_').replace(/[. ]+$/, '');
  const name = cleaned === '' || cleaned === '.' || cleaned === '..' ? 'upload' : cleaned;
  // Keep names within common file-system limits (255 bytes), extension preserved.
  const ext = path.extname(name);
  let stem = name.slice(0, name.length - ext.length);
  while (Buffer.byteLength(stem + ext) > 240) stem = stem.slice(0, -1);
  return stem + ext;
}
