import path from 'node:path';
import { formatName, MINUTES_MEDIA_TYPE, OFD_MEDIA_TYPE } from '../../../shared/domain';
import { signatureOf } from '../materials/detect';

// Types recorded by materials/detect.ts that the signature alone does not name exactly.
const OLE_RECORDED = new Set(['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-works', 'application/vnd.ms-powerpoint']);
// Text has no magic bytes; a 会议纪要 is the app's own JSON (its probe reads it as a form).
const NO_SIGNATURE = new Set(['text/plain', 'application/octet-stream', MINUTES_MEDIA_TYPE]);

/** Does the stored file's signature still say what was recorded? Returns the mismatch, if any. */
export async function typeMismatch(file: string, recorded: string): Promise<string | null> {
  const found = (await signatureOf(file))?.mime;
  if (found === undefined) return NO_SIGNATURE.has(recorded) ? null : `登记为${formatName(recorded)}，但文件中已找不到该格式的特征`;
  if (found === recorded || (found === 'application/x-cfb' && OLE_RECORDED.has(recorded))) return null;
  // An OFD's signature is a ZIP's: its probe opens OFD.xml and says whether it is one.
  if (found === 'application/zip' && recorded === OFD_MEDIA_TYPE) return null;
  // Two types a clerk would call by one name (two kinds of Word file) still differ: say both.
  const [was, is] = [formatName(recorded), formatName(found)];
  return was === is ? `登记格式与文件实际格式不符（均显示为${was}）` : `登记为${was}，文件实际为${is}`;
}

// The formats clerks see most, by extension: a name that promises one and holds another.
const EXPECTED: Record<string, RegExp> = {
  '.pdf': /^application\/pdf$/,
  '.jpg': /^image\/jpeg$/,
  '.jpeg': /^image\/jpeg$/,
  '.png': /^image\/png$/,
  '.docx': /wordprocessingml/,
  '.xlsx': /spreadsheetml/,
  '.doc': /msword|x-cfb/,
  '.xls': /ms-excel|x-cfb/,
  '.ppt': /ms-powerpoint|x-cfb/,
  '.pptx': /presentationml|ms-powerpoint/,
  '.zip': /zip/,
  '.ofd': /^application\/ofd$/,
};

/** “扩展名与内容不符”: kept as filed (the content decides its kind), but worth a look. */
export function extensionMismatch(originalName: string, mediaType: string): string | null {
  const ext = path.extname(originalName).toLowerCase();
  const expected = EXPECTED[ext];
  if (!expected || expected.test(mediaType)) return null;
  return `文件名扩展名为 ${ext}，内容实际为${formatName(mediaType)}（已按实际内容归档）`;
}
