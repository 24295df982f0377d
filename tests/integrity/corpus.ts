// The bad-input corpus: every kind of file a clerk's PC hands us that is not what it seems.
// Generated on the spot. Each entry says what must happen to it and the words that name why.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import sharp from 'sharp';
import { encryptPdf } from '../packets/fixtures';
import { fixture } from '../helpers/fixtureFiles';
import { plainPdf, zipBomb, zipSlip } from './fixtures';

export type Expected =
  | { outcome: 'failed'; reason: RegExp }
  /** Kept as filed; `flag` is what 四性检测 must say about it (null: nothing to say). */
  | { outcome: 'added'; kind: string; flag: string | null };

export interface CorpusEntry {
  name: string;
  expected: Expected;
}

const LONG_NAME = `${'关于开展文明单位创建工作的实施方案及责任分工'.repeat(3)}（第二次修订稿）`.slice(0, 78);

export async function buildCorpus(dir: string): Promise<CorpusEntry[]> {
  const file = (name: string) => path.join(dir, name);
  const jpegOf = (background: string) => sharp({ create: { width: 200, height: 150, channels: 3, background } }).jpeg().toBuffer();
  const jpeg = await jpegOf('#c33');
  await plainPdf(file('source.pdf'), 3);
  const pdf = fs.readFileSync(file('source.pdf'));

  fs.writeFileSync(file('空文件.pdf'), '');
  fs.writeFileSync(file('截断的方案.pdf'), pdf.subarray(0, 120));
  fs.writeFileSync(file('截断的照片.jpg'), jpeg.subarray(0, jpeg.length >> 1));
  fs.writeFileSync(file('损坏的照片.png'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300, 0x5a)]));
  fs.writeFileSync(file('损坏的方案.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20), Buffer.from('%%EOF')]));
  encryptPdf(file('source.pdf'), file('加密文件.pdf'));
  fs.writeFileSync(file('名不副实.pdf'), jpeg);
  // 2 GB, but sparse: it takes no disk until something copies it.
  fs.closeSync(fs.openSync(file('超大稀疏文件.bin'), 'w'));
  fs.truncateSync(file('超大稀疏文件.bin'), 2 * 1024 ** 3);
  fs.writeFileSync(file('CON.pdf'), pdf);
  fs.writeFileSync(file('aux.jpg'), await jpegOf('#3c3'));
  fs.writeFileSync(file(`${LONG_NAME}.txt`), '很长的文件名');
  const cut = (bytes: Buffer, share: number) => bytes.subarray(0, Math.floor(bytes.length * share));
  const video = fixture('media', '活动视频.mp4');
  const doc = fixture('office', '工作计划.doc');
  const xls = fixture('office', '活动台账.xls');
  fs.writeFileSync(file('活动视频.mp4'), video);
  fs.writeFileSync(file('截断的视频.mp4'), cut(video, 0.6));
  fs.writeFileSync(file('讲话录音.mp3'), fixture('media', '讲话录音.mp3'));
  fs.writeFileSync(file('工作计划.doc'), doc);
  fs.writeFileSync(file('截断的计划.doc'), cut(doc, 0.6));
  fs.writeFileSync(file('活动台账.xls'), xls);
  fs.writeFileSync(file('截断的台账.xls'), cut(xls, 0.6));
  // GBK text cut in the middle of a character.
  fs.writeFileSync(file('截断的记录.txt'), Buffer.concat([iconv.encode('创建工作记录：志愿服务', 'gbk'), Buffer.from([0xb4])]));
  await zipSlip(file('越界压缩包.zip'));
  await zipBomb(file('压缩炸弹.zip'), 64);
  fs.rmSync(file('source.pdf'));

  return [
    { name: '空文件.pdf', expected: { outcome: 'failed', reason: /^文件为空（0 字节）$/ } },
    { name: '截断的方案.pdf', expected: { outcome: 'failed', reason: /^PDF 文件(已损坏|不完整)/ } },
    { name: '截断的照片.jpg', expected: { outcome: 'failed', reason: /^图片已损坏或不完整/ } },
    { name: '损坏的照片.png', expected: { outcome: 'failed', reason: /PNG 图片.*(损坏|有误)|图片已损坏/ } },
    { name: '损坏的方案.pdf', expected: { outcome: 'failed', reason: /^PDF 文件(已损坏|不完整)/ } },
    { name: '加密文件.pdf', expected: { outcome: 'added', kind: 'document', flag: 'PDF 已加密' } },
    { name: '名不副实.pdf', expected: { outcome: 'added', kind: 'photo', flag: '扩展名为 .pdf，内容实际为JPEG 图片' } },
    { name: '超大稀疏文件.bin', expected: { outcome: 'added', kind: 'other', flag: '未能检查：不是本程序能打开检查的格式' } },
    { name: 'CON.pdf', expected: { outcome: 'added', kind: 'document', flag: null } },
    { name: 'aux.jpg', expected: { outcome: 'added', kind: 'photo', flag: null } },
    { name: `${LONG_NAME}.txt`, expected: { outcome: 'added', kind: 'document', flag: null } },
    { name: '活动视频.mp4', expected: { outcome: 'added', kind: 'video', flag: null } },
    { name: '截断的视频.mp4', expected: { outcome: 'failed', reason: /^视频文件无法完整读取/ } },
    { name: '讲话录音.mp3', expected: { outcome: 'added', kind: 'video', flag: null } },
    { name: '工作计划.doc', expected: { outcome: 'added', kind: 'document', flag: null } },
    { name: '截断的计划.doc', expected: { outcome: 'failed', reason: /^Office 文件结构已损坏或不完整/ } },
    { name: '活动台账.xls', expected: { outcome: 'added', kind: 'spreadsheet', flag: null } },
    { name: '截断的台账.xls', expected: { outcome: 'failed', reason: /^Office 文件结构已损坏或不完整/ } },
    { name: '截断的记录.txt', expected: { outcome: 'added', kind: 'document', flag: '未能检查：文本既不是 UTF-8 也不是 GBK/GB18030' } },
    { name: '越界压缩包.zip', expected: { outcome: 'added', kind: 'other', flag: 'zip-slip' } },
    { name: '压缩炸弹.zip', expected: { outcome: 'added', kind: 'other', flag: '压缩炸弹' } },
  ];
}
