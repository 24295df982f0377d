import fs from 'node:fs/promises';
import { docxText } from './docx';
import { clip } from './limits';
import { pdfText } from './pdfText';
import { decodePlainText } from './plainText';
import { xlsxText } from './xlsx';

const readers: Record<string, (bytes: Buffer) => Promise<string>> = {
  'application/pdf': (b) => pdfText(new Uint8Array(b.buffer, b.byteOffset, b.byteLength)),
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': docxText,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': xlsxText,
  'text/plain': async (b) => decodePlainText(b),
};

/** Whether the content of this media type can be searched. */
export function hasTextReader(mediaType: string): boolean {
  return mediaType in readers;
}

/** The searchable text of a stored file; throws when the file does not read as its format. */
export async function extractText(file: string, mediaType: string): Promise<string> {
  const read = readers[mediaType];
  if (!read) return '';
  return clip(await read(await fs.readFile(file)));
}
