import CFB from 'cfb';
import fs from 'node:fs/promises';
import JSZip from 'jszip';

export const PPTX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
export const PPT_MEDIA_TYPE = 'application/vnd.ms-powerpoint';

/** Legacy Office, WPS and slide formats LibreOffice turns into pages, with the extension it reads them by. */
const OFFICE_EXTENSIONS: Record<string, string> = {
  'application/msword': '.doc',
  'application/vnd.ms-works': '.wps',
  'application/vnd.ms-excel': '.xls',
  [PPT_MEDIA_TYPE]: '.ppt',
  [PPTX_MEDIA_TYPE]: '.pptx',
};

export const isOfficeToConvert = (mediaType: string): boolean => mediaType in OFFICE_EXTENSIONS;
export const officeExtension = (mediaType: string): string => OFFICE_EXTENSIONS[mediaType] ?? '.doc';

/** Why a file cannot be opened, found before LibreOffice is asked (it would fail, or wait on a password). */
export type OfficeRefusal = 'password' | 'damaged';

/** A Word FIB's fEncrypted bit (byte 11, bit 0); Excel's FILEPASS record (0x002F) in its Workbook stream. */
function oleEncrypted(file: CFB.CFB$Container, mediaType: string): boolean {
  // Encrypted OOXML and RC4 CryptoAPI files carry these streams.
  if (CFB.find(file, 'EncryptionInfo') || CFB.find(file, 'EncryptedPackage') || CFB.find(file, 'EncryptedSummary')) return true;
  const word = CFB.find(file, 'WordDocument');
  if (word?.content && word.content.length > 11 && (word.content[11] & 0x01) !== 0) return true;
  const book = CFB.find(file, 'Workbook') ?? CFB.find(file, 'Book');
  if (mediaType === 'application/vnd.ms-excel' && book?.content) {
    const bytes = Buffer.from(book.content as Uint8Array);
    // FILEPASS follows BOF within the first records of the globals substream.
    let at = 0;
    for (let n = 0; n < 64 && at + 4 <= bytes.length; n += 1) {
      const type = bytes.readUInt16LE(at);
      if (type === 0x002f) return true;
      at += 4 + bytes.readUInt16LE(at + 2);
    }
  }
  return false;
}

/** Null when the file opens as its format; else whether it is password-protected or damaged. */
export async function officeRefusal(path: string, mediaType: string): Promise<OfficeRefusal | null> {
  const bytes = await fs.readFile(path);
  if (mediaType === PPTX_MEDIA_TYPE) {
    try {
      const zip = await JSZip.loadAsync(bytes);
      return zip.file('ppt/presentation.xml') ? null : 'damaged';
    } catch {
      return 'damaged';
    }
  }
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(bytes, { type: 'buffer' });
  } catch {
    return 'damaged';
  }
  if (oleEncrypted(container, mediaType)) return 'password';
  const main = ['WordDocument', 'Workbook', 'Book', 'PowerPoint Document'].some((name) => CFB.find(container, name));
  return main ? null : 'damaged';
}
