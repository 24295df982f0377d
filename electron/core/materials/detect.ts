import { fileTypeFromFile } from 'file-type';
import path from 'node:path';
import type { MaterialKind } from '../../../shared/domain';

export interface Detected {
  kind: MaterialKind;
  mediaType: string;
}

const documentTypes = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/msword',
  'application/x-cfb',
  'application/rtf',
]);
const spreadsheetTypes = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
]);

/**
 * Kind from the content's magic bytes, never from the extension alone. The extension only
 * disambiguates containers that look alike inside (an OLE file may be .doc, .xls or .wps;
 * plain text has no magic at all).
 */
export async function detectKind(file: string): Promise<Detected> {
  const type = await fileTypeFromFile(file);
  const ext = path.extname(file).toLowerCase();
  if (!type) {
    if (['.txt', '.csv', '.md'].includes(ext)) return { kind: 'document', mediaType: 'text/plain' };
    return { kind: 'other', mediaType: 'application/octet-stream' };
  }
  const mime = type.mime as string;
  if (mime.startsWith('image/')) return { kind: 'photo', mediaType: mime };
  if (mime.startsWith('video/')) return { kind: 'video', mediaType: mime };
  if (spreadsheetTypes.has(mime)) return { kind: 'spreadsheet', mediaType: mime };
  if (mime === 'application/x-cfb') {
    if (ext === '.xls' || ext === '.et') return { kind: 'spreadsheet', mediaType: 'application/vnd.ms-excel' };
    if (ext === '.wps') return { kind: 'document', mediaType: 'application/vnd.ms-works' };
    return { kind: 'document', mediaType: 'application/msword' };
  }
  if (documentTypes.has(mime)) return { kind: 'document', mediaType: mime };
  return { kind: 'other', mediaType: mime };
}
