// Files of every kind a clerk files, made here, plus the bad inputs the issue names.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import sharp from 'sharp';
import { writeTextPdf } from '../../electron/core/demo/textPdf';
import { fixture } from '../helpers/fixtureFiles';

const xml = (s: string) => s.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!);

/** A Word document: an optional core title, an optional Heading 1, and paragraphs. */
export async function docx(options: { coreTitle?: string; heading?: string; paragraphs: string[] }): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
  );
  zip.file(
    'docProps/core.xml',
    `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">${options.coreTitle ? `<dc:title>${xml(options.coreTitle)}</dc:title>` : ''}</cp:coreProperties>`,
  );
  const heading = options.heading
    ? `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>${xml(options.heading)}</w:t></w:r></w:p>`
    : '';
  const body = options.paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${xml(p)}</w:t></w:r></w:p>`).join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${heading}${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export async function xlsx(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('台账');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** ISO base media (MP4/MOV/HEIC) with the given brand, then filler. */
function isoBmff(brand: string, filler = 4096): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftyp', 4, 'latin1');
  ftyp.write(brand, 8, 'latin1');
  ftyp.write(brand, 16, 'latin1');
  const mdat = Buffer.alloc(filler);
  mdat.writeUInt32BE(filler, 0);
  mdat.write('mdat', 4, 'latin1');
  for (let i = 8; i < filler; i += 1) mdat[i] = (i * 31) % 251;
  return Buffer.concat([ftyp, mdat]);
}

export async function photo(options: { exif?: boolean; color?: string; width?: number; height?: number } = {}): Promise<Buffer> {
  let img = sharp({
    create: { width: options.width ?? 320, height: options.height ?? 240, channels: 3, background: options.color ?? '#3a7' },
  }).jpeg({ quality: 85 });
  if (options.exif) {
    img = img.withExif({
      IFD0: { Make: 'HUAWEI', Model: 'P40 Pro' },
      IFD2: { DateTimeOriginal: '2023:11:05 14:30:12' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '120/1 10/1 0/1' },
    });
  }
  return img.toBuffer();
}

export interface Expected {
  name: string;
  outcome: 'added' | 'failed';
  kind?: string;
  /** Part of the reason (failed) or notice (added). */
  says?: string;
}

export const LONG_NAME = `${'关于开展社会主义核心价值观主题宣传教育暨志愿服务系列活动的通知'.repeat(2)}附件一`.slice(0, 70);

/** Every kind the issue lists, and every bad input it names, in one folder (with a subfolder). */
export async function writeEveryKind(dir: string): Promise<Expected[]> {
  const sub = path.join(dir, '第二季度');
  fs.mkdirSync(sub, { recursive: true });
  const put = (name: string, bytes: Buffer | Uint8Array | string, inSub = false) =>
    fs.writeFileSync(path.join(inSub ? sub : dir, name), bytes);
  const jpeg = await photo({ exif: true });

  put('2023年11月5日 创建工作实施方案.pdf', await writeTextPdf('创建工作实施方案', ['成立创建工作领导小组，统筹推进文明单位创建。']));
  put('志愿服务总结.docx', await docx({ heading: '学雷锋志愿服务活动总结', paragraphs: ['本季度共开展志愿服务十二次，参与职工三百人次。'] }));
  put('旧版制度汇编.doc', fixture('office', '工作计划.doc'));
  // WPS 文字 writes .wps in Word's 97–2003 binary layout.
  put('通知.wps', fixture('office', '活动通知.doc'));
  put('固定资产台账.xlsx', await xlsx([['序号', '名称', '数量'], ['1', '垃圾分类宣传栏', '4']]));
  put('旧台账.xls', fixture('office', '活动台账.xls'));
  put('说明.txt', '道德讲堂第三期于五月举行，主讲人为张老师。\n');
  put('说明GBK.txt', iconv.encode('廉政教育专题会议记录（GBK 编码）\r\n', 'gbk'));
  put('活动照片20231105.jpg', jpeg);
  put('宣传栏.png', await sharp(jpeg).png().toBuffer(), true);
  put('宣传海报.webp', await sharp(jpeg).webp().toBuffer(), true);
  put('扫描件.tif', await sharp(jpeg).tiff().toBuffer(), true);
  put('活动视频.mp4', fixture('media', '活动视频.mp4'));
  put('会议录像.mov', fixture('media', '采访录像.mov'));
  put('旧录像.avi', fixture('media', '旧录像.avi'));
  put('其他资料.zip', await new JSZip().file('a.txt', 'x').generateAsync({ type: 'nodebuffer' }));
  put(`${LONG_NAME}.txt`, '很长的文件名也能保存。');

  // Bad inputs.
  put('空白扫描件.pdf', Buffer.alloc(0));
  put('截断的照片.jpg', jpeg.subarray(0, Math.floor(jpeg.length * 0.6)));
  const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#888', noise: { type: 'gaussian', mean: 128, sigma: 50 } } })
    .png()
    .toBuffer();
  put('损坏的图片.png', png.subarray(0, Math.floor(png.length * 0.4)));
  put('改了扩展名.png', Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(300, 7)]));
  const fullPdf = Buffer.from(await writeTextPdf('下载未完成', ['这份文件只下载了一半。']));
  put('下载未完成.pdf', fullPdf.subarray(0, Math.floor(fullPdf.length / 2)));
  const plain = path.join(dir, '.plain.pdf');
  fs.writeFileSync(plain, await writeTextPdf('加密的文件', ['有密码保护。']));
  execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', plain, path.join(dir, '加密文件.pdf')]);
  fs.rmSync(plain);
  put('其实是照片.pdf', await photo({ color: '#a33' }));
  put('假文档.docx', Buffer.from('这不是一个 Word 文档，只是改了扩展名的文字。'.repeat(3)));
  put('随机内容.docx', Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 131 + 7) % 256)));
  put('苹果手机照片.heic', fs.readFileSync(path.join(import.meta.dirname, '../fixtures/photos/iphone-portrait.heic')));
  put('损坏的苹果照片.heic', isoBmff('heic'));
  fs.symlinkSync(path.join(dir, '不存在的目标.pdf'), path.join(dir, '失效的快捷方式.pdf'));

  return [
    { name: '2023年11月5日 创建工作实施方案.pdf', outcome: 'added', kind: 'document' },
    { name: '志愿服务总结.docx', outcome: 'added', kind: 'document' },
    { name: '旧版制度汇编.doc', outcome: 'added', kind: 'document' },
    { name: '通知.wps', outcome: 'added', kind: 'document' },
    { name: '固定资产台账.xlsx', outcome: 'added', kind: 'spreadsheet' },
    { name: '旧台账.xls', outcome: 'added', kind: 'spreadsheet' },
    { name: '说明.txt', outcome: 'added', kind: 'document' },
    { name: '说明GBK.txt', outcome: 'added', kind: 'document' },
    { name: '活动照片20231105.jpg', outcome: 'added', kind: 'photo' },
    { name: '宣传栏.png', outcome: 'added', kind: 'photo' },
    { name: '宣传海报.webp', outcome: 'added', kind: 'photo' },
    { name: '扫描件.tif', outcome: 'added', kind: 'photo' },
    { name: '苹果手机照片.heic', outcome: 'added', kind: 'photo' },
    { name: '活动视频.mp4', outcome: 'added', kind: 'video' },
    { name: '会议录像.mov', outcome: 'added', kind: 'video' },
    { name: '旧录像.avi', outcome: 'added', kind: 'video' },
    { name: '其他资料.zip', outcome: 'added', kind: 'other' },
    { name: `${LONG_NAME}.txt`, outcome: 'added', kind: 'document' },
    { name: '加密文件.pdf', outcome: 'added', kind: 'document', says: '已加密' },
    { name: '其实是照片.pdf', outcome: 'added', kind: 'photo', says: '内容实为JPEG 照片' },
    { name: '空白扫描件.pdf', outcome: 'failed', says: '文件为空' },
    { name: '截断的照片.jpg', outcome: 'failed', says: '图片已损坏或不完整' },
    { name: '损坏的图片.png', outcome: 'failed', says: '图片已损坏或不完整' },
    { name: '改了扩展名.png', outcome: 'failed', says: '扩展名为 .png，但内容不是PNG 图片' },
    { name: '下载未完成.pdf', outcome: 'failed', says: 'PDF 文件不完整' },
    { name: '假文档.docx', outcome: 'failed', says: '内容是纯文本，不是Word 文档' },
    { name: '随机内容.docx', outcome: 'failed', says: '扩展名为 .docx，但内容不是Word 文档' },
    { name: '损坏的苹果照片.heic', outcome: 'failed', says: 'HEIC 照片已损坏或不完整' },
    { name: '失效的快捷方式.pdf', outcome: 'failed', says: '是快捷链接' },
  ];
}
