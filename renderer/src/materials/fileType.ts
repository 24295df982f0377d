import type { Material } from '../../../shared/domain';

export type FileType = 'pdf' | 'ofd' | 'word' | 'excel' | 'image' | 'video' | 'text' | 'other';

/** The broad file type a clerk recognises, from the media type and the file name. */
export function fileTypeOf(material: Pick<Material, 'mediaType' | 'originalName' | 'kind'>): FileType {
  const mime = material.mediaType.toLowerCase();
  const ext = /\.([^.]+)$/.exec(material.originalName.toLowerCase())?.[1] ?? '';
  if (mime === 'application/pdf' || ext === 'pdf') return 'pdf';
  if (mime === 'application/ofd' || ext === 'ofd') return 'ofd';
  if (mime.includes('word') || mime.includes('msword') || ['doc', 'docx', 'wps', 'rtf'].includes(ext)) return 'word';
  if (mime.includes('sheet') || mime.includes('excel') || ['xls', 'xlsx', 'et', 'csv'].includes(ext)) return 'excel';
  if (mime.startsWith('image/') || material.kind === 'photo') return 'image';
  if (mime.startsWith('video/') || material.kind === 'video') return 'video';
  if (mime.startsWith('text/') || ['txt', 'md'].includes(ext)) return 'text';
  return 'other';
}
