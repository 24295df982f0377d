import fs from 'node:fs/promises';
import { DOCX_MEDIA_TYPE, OFD_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '../../../shared/domain';
import { readOfd } from '../ofd/document';
import { ofdText } from '../ofd/text';
import { readSlice } from '../store/readSlice';
import { docxText } from './docx';
import { clip } from './limits';
import { hostilePdfReason, readPdfText, stoppedReason, type HostilePage } from './pdfReader';
import { decodePlainText } from './plainText';
import { xlsxText } from './xlsx';

const PDF = 'application/pdf';

/** Bytes of a plain text file read for search: the indexed text never needs more, whatever its size. */
const MAX_PLAIN_TEXT_BYTES = 4 * 1024 * 1024;

const readers: Record<string, (bytes: Buffer) => Promise<string>> = {
  [DOCX_MEDIA_TYPE]: docxText,
  [XLSX_MEDIA_TYPE]: xlsxText,
  [OFD_MEDIA_TYPE]: async (b) => ofdText(await readOfd(b)),
  'text/plain': async (b) => decodePlainText(b),
};

/** Whether the content of this media type can be searched. */
export function hasTextReader(mediaType: string): boolean {
  return mediaType === PDF || mediaType in readers;
}

export interface ExtractedText {
  text: string;
  /** The file's text could not be read at all (it stays a valid material, not searchable by content). */
  failed: boolean;
  /** For the clerk when part or all of the text was not read ('' otherwise). */
  note: string;
}

/** The head of a long text file, cut after a line break so that no character is split. */
async function plainTextHead(file: string): Promise<Buffer> {
  const head = await readSlice(file, 0, MAX_PLAIN_TEXT_BYTES);
  if (head.length < MAX_PLAIN_TEXT_BYTES) return head;
  const cut = head.lastIndexOf(0x0a);
  return cut > 0 ? head.subarray(0, cut + 1) : head;
}

/** How far a PDF's text may be read (from its structure, see pdfReader.ts). */
export interface PdfTextBudget {
  textPages: number;
  pageCount: number;
  hostile: HostilePage | null;
}

/** The searchable text of a file of `size` bytes. A PDF is read on the reader thread, within its budget. */
export async function extractText(file: string, mediaType: string, size: number, pdf?: PdfTextBudget): Promise<ExtractedText> {
  if (mediaType === PDF) return pdfText(file, size, pdf);
  const read = readers[mediaType];
  if (!read) return { text: '', failed: false, note: '' };
  try {
    const bytes = mediaType === 'text/plain' ? await plainTextHead(file) : await fs.readFile(file);
    return { text: clip(await read(bytes)), failed: false, note: '' };
  } catch {
    return { text: '', failed: true, note: '' };
  }
}

async function pdfText(file: string, size: number, budget: PdfTextBudget | undefined): Promise<ExtractedText> {
  // No budget: its structure could not be read (stopped, or a password): no text (the inspection says why).
  if (!budget) return { text: '', failed: true, note: '' };
  const pages = budget.textPages;
  const overNote = budget.hostile
    ? hostilePdfReason(budget.hostile)
    : pages < budget.pageCount
      ? `PDF 共 ${budget.pageCount} 页，内容较多，只读取了前 ${pages} 页的文字用于检索`
      : '';
  if (pages === 0) return { text: '', failed: Boolean(budget.hostile), note: overNote };
  const outcome = await readPdfText(file, size, pages);
  if ('ok' in outcome) return { text: clip(outcome.ok), failed: false, note: overNote };
  if ('stopped' in outcome) return { text: '', failed: true, note: `PDF 文字${stoppedReason(outcome.stopped, size)}，已保存原件，但不能按内容检索` };
  return { text: '', failed: true, note: '' };
}
