export type MaterialKind =
  | 'document'
  | 'photo'
  | 'photo_group'
  | 'minutes'
  | 'video'
  | 'spreadsheet'
  | 'other';

export const materialKindLabels: Record<MaterialKind, string> = {
  document: '文件资料',
  photo: '图片资料',
  photo_group: '组照',
  minutes: '会议纪要',
  video: '音视频资料',
  spreadsheet: '表格',
  other: '其他',
};

/** The folders 网上申报 portals sort materials into. */
export const ONLINE_CATEGORIES = ['规范文件', '情况说明', '实景图片', '统计表格', '音视频'] as const;
export type OnlineCategory = (typeof ONLINE_CATEGORIES)[number];

/**
 * A material's 网上申报 category by its kind: photos 实景图片, video and audio 音视频, tables
 * 统计表格, 会议纪要 情况说明; other documents 规范文件 (制度、方案、通知), which the clerk changes to
 * 情况说明 for a report or summary.
 */
export function defaultOnlineCategory(material: Pick<Material, 'kind' | 'mediaType'>): OnlineCategory {
  if (material.kind === 'photo' || material.kind === 'photo_group') return '实景图片';
  if (material.kind === 'video' || material.mediaType.startsWith('video/') || material.mediaType.startsWith('audio/')) return '音视频';
  if (material.kind === 'spreadsheet') return '统计表格';
  if (material.kind === 'minutes') return '情况说明';
  return '规范文件';
}

/** Where a material's OCR stands; the CLI's `list --json` shows it as `ocr`. */
export type OcrState = 'none' | 'pending' | 'done' | 'failed';

export interface Material extends MaterialFields {
  id: number;
  dossierId: number;
  kind: MaterialKind;
  sha256: string;
  size: number;
  mediaType: string;
  originalName: string;
  /** What the file itself says (EXIF of a photo); read-only, never invented. */
  exif: PhotoExif | null;
  /** Video and audio: duration, resolution, codecs (null for other kinds, or where unread). */
  media: MediaInfo | null;
  /** Whether the file can be merged into a packet PDF (false for a PDF that needs a password to open). */
  mergeable: boolean;
  hasThumbnail: boolean;
  indicatorIds: number[];
  /** Photo groups: the photos in order (the first is also `sha256`); empty for other kinds. */
  photos: GroupPhoto[];
  /** 件号 within its class, once numbered (归档); never given to another material. */
  itemNumber: number | null;
  /** 档号 as numbered, e.g. “2024-D10-0007”; '' before. */
  archivalCode: string;
  /** 网上申报 category: the clerk's choice, else defaultOnlineCategory. */
  onlineCategory: OnlineCategory;
  /** Whether onlineCategory is the clerk's choice (false: from the kind). */
  onlineCategorySet: boolean;
  /** OCR of a scan, or of a photo marked as a document: none, pending, done, failed. */
  ocr: OcrState;
  /** Why OCR failed (Chinese), '' otherwise. */
  ocrError: string;
  /** Pages (1-based) whose text was read by OCR; a photo's one page is 1. */
  ocrPages: number[];
  /** A photo the clerk marked as a document, to be read by OCR. */
  isDocument: boolean;
  /** Set when the material is in the 回收站. */
  trashedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A video's or a recording's own properties, read from its container (ffprobe); null where unknown. */
export interface MediaInfo {
  durationSeconds: number | null;
  width: number | null;
  height: number | null;
  /** “H.264”, “AAC”; '' when the file has no such stream. */
  videoCodec: string;
  audioCodec: string;
}

/** “1:02:03” or “2:05”, as players show a duration. */
export function durationText(seconds: number | null): string {
  if (seconds === null) return '未知';
  const s = Math.round(seconds);
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(sec)}` : `${m}:${two(sec)}`;
}

export interface PhotoExif {
  /** DateTimeOriginal as “2023-11-05 14:30:00” (camera local time). */
  takenAt: string | null;
  gps: { latitude: number; longitude: number } | null;
  camera: string | null;
}

/**
 * One photo of a 组照. Storage: table `material_photo (material_id, position, sha256, caption)`;
 * the group's own `material.sha256` is its first photo (so thumbnails, integrity and “no row
 * without its file” work unchanged). Packets read `photos` in `position` order.
 */
export interface GroupPhoto {
  sha256: string;
  caption: string;
  originalName: string;
  width: number | null;
  height: number | null;
  /** The photo's own EXIF time (“2024-03-05 09:12:00”), null when it has none. */
  takenAt: string | null;
}

/** The fields a clerk edits: DA/T 22 (题名 … 备注) and, for photos, DA/T 50 (时间 … 说明). */
export interface MaterialFields {
  title: string;
  responsible: string;
  docNumber: string;
  date: string;
  securityLevel: string;
  retention: string;
  pages: number | null;
  note: string;
  photoTime: string;
  place: string;
  people: string;
  photographer: string;
  description: string;
}

export const materialFieldLabels: Record<keyof MaterialFields, string> = {
  title: '题名',
  responsible: '责任者',
  docNumber: '文号',
  date: '日期',
  securityLevel: '密级',
  retention: '保管期限',
  pages: '页数',
  note: '备注',
  photoTime: '时间',
  place: '地点',
  people: '人物',
  photographer: '摄影者',
  description: '说明',
};

export const retentionOptions = ['永久', '定期30年', '定期10年'] as const;
export const securityLevelOptions = ['公开', '内部', '秘密', '机密'] as const;

export interface AddedFile {
  path: string;
  material: Material;
  /** Something the clerk should know, e.g. the extension did not match the content. */
  notice?: string;
}

export interface DuplicateFile {
  path: string;
  material: Material;
  /** Where the existing material is filed, in words for the clerk. */
  message: string;
}

export interface FailedFile {
  path: string;
  reason: string;
}

export interface AddReport {
  added: AddedFile[];
  duplicates: DuplicateFile[];
  failed: FailedFile[];
}

/**
 * 会议纪要 filled in as a form in the app. Stored as the material's content: a JSON blob of
 * this shape with media type MINUTES_MEDIA_TYPE, so it is hashed, verified and exported like
 * any other file; viewers and packets render it as a formatted page.
 */
export interface MinutesForm {
  meetingName: string;
  /** Date and time as the clerk writes them, e.g. “2024年3月15日 14:30”. */
  time: string;
  place: string;
  host: string;
  attendees: string;
  absentees: string;
  recorder: string;
  topics: string;
  decisions: string;
}

export const MINUTES_MEDIA_TYPE = 'application/vnd.dossier.minutes+json';

/** Word and Excel (Office Open XML) as stored and compared throughout. */
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** OFD (GB/T 33190-2016), the fixed-layout format of 电子公文: a ZIP with OFD.xml at its root. */
export const OFD_MEDIA_TYPE = 'application/ofd';

/** The form's fields in order, as labelled on the form and on the printed page. */
export const minutesFieldLabels: [keyof MinutesForm, string][] = [
  ['meetingName', '会议名称'],
  ['time', '时间'],
  ['place', '地点'],
  ['host', '主持人'],
  ['attendees', '参会人员'],
  ['absentees', '缺席人员'],
  ['recorder', '记录人'],
  ['topics', '议题'],
  ['decisions', '决定事项'],
];

/** Search: what to look for and where. An empty query with filters lists what the filters keep. */
export interface SearchFilters {
  kinds?: MaterialKind[];
  /** The indicator and everything below it. */
  indicatorId?: number;
  /** 责任单位 of the indicators a material is filed under. */
  responsibleUnit?: string;
  /** Eight-digit DA/T 22 dates, inclusive. */
  dateFrom?: string;
  dateTo?: string;
  /** Only materials filed under no indicator (未归类). */
  unlinked?: boolean;
}

/** 题名 in the order a clerk expects: pinyin, numbers by value (第2号 before 第10号). */
export const compareTitles = new Intl.Collator('zh-CN', { numeric: true }).compare;

/**
 * How the material list is ordered: 归档顺序 (filing order), 题名 (pinyin), 日期 (then 题名 in
 * pinyin; undated last).
 */
export type MaterialSortKey = 'filing' | 'title' | 'date';

/** The order a clerk reads a list in, used when none is chosen: 日期, then 题名 in pinyin. */
export const defaultMaterialSort: { sort: MaterialSortKey; descending: boolean } = { sort: 'date', descending: false };

/**
 * The material list in its order, without the rows: the list is drawn from this and fetches
 * the rows it shows (`materials.getMany`), so 20,000 materials cost 20,000 numbers, not 20,000
 * records. `kinds[i]` is the kind of `ids[i]` (bulk actions depend on it).
 */
export interface MaterialIndex {
  ids: number[];
  kinds: MaterialKind[];
  /** The records of the first rows, so the list draws them without another call. */
  head: Material[];
}

export interface SearchHit {
  material: Material;
  /** Text around the first match in the file's content or metadata; '' when only the title matched. */
  snippet: string;
  /** Where the snippet comes from: 正文, 元数据. */
  snippetSource: 'body' | 'meta' | '';
}

export interface SearchResult {
  hits: SearchHit[];
  /** How many materials match in all, counted up to a cap (`totalCapped`: there are more). */
  total: number;
  totalCapped: boolean;
  /** More materials matched than were returned. */
  truncated: boolean;
}

/** Materials a search lists at first; 显示更多 asks for this many more each time. */
export const SEARCH_PAGE = 100;
/** The most one search lists (a longer word or a filter narrows it further). */
export const SEARCH_LIMIT = 5000;

/** “找到 1234 份材料” as the app and the CLI say it, with what was left out of the list. */
export function searchCountText(result: SearchResult): string {
  const found = `找到 ${result.total}${result.totalCapped ? ' 份以上' : ' 份'}材料`;
  return result.truncated ? `${found}，只列出前 ${result.hits.length} 份，请输入更具体的词或加筛选条件` : found;
}

/** A preview the renderer shows without a plugin. PDFs and photos are read from their file URL. */
export type MaterialPreview =
  | { type: 'pdf' | 'image' | 'video' | 'file' }
  | { type: 'html'; html: string }
  | { type: 'sheets'; sheets: { name: string; rows: string[][]; truncated: boolean }[] }
  | { type: 'text'; text: string; truncated: boolean }
  | { type: 'minutes'; form: MinutesForm }
  | { type: 'photos'; photos: GroupPhoto[] }
  /** Legacy Word/Excel, WPS, slides: LibreOffice's pages (file route 'converted'), or why there are none. */
  | { type: 'office'; converted: true }
  | { type: 'office'; converted: false; reason: string };

/** What `materials.undoLast` put back: the kind of bulk action and how many of its changes. */
export interface BulkUndoResult {
  action: 'link' | 'unlink' | 'trash';
  reverted: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  action: string;
  /** In words for the clerk, e.g. “修改 题名：旧 → 新”. */
  summary: string;
}
