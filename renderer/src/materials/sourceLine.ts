import { formatName, type Material } from '../../../shared/domain';
import { formatDate, formatSize } from '../common/format';

/**
 * What a material is, as a clerk says it: “会议纪要 · 2023-06-15”, “3 张照片”, “通知.pdf · PDF 文档 · 1.2 MB”.
 * A 会议纪要 is stored as the app's own JSON: its file name and size mean nothing to the clerk.
 */
export function sourceLine(m: Pick<Material, 'kind' | 'originalName' | 'mediaType' | 'size' | 'date' | 'photos'>): string {
  if (m.kind === 'minutes') return m.date ? `会议纪要 · ${formatDate(m.date)}` : '会议纪要';
  if (m.kind === 'photo_group') return `${m.photos.length} 张照片`;
  return `${m.originalName} · ${formatName(m.mediaType)} · ${formatSize(m.size)}`;
}
