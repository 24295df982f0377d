// Files a clerk would file: a scanned-looking PDF with a Chinese name, a photo, an empty file.
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import sharp from 'sharp';

export async function writeMinutesPdf(file: string): Promise<void> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= 2; n += 1) {
    const page = doc.addPage([595, 842]);
    page.drawRectangle({ x: 60, y: 700, width: 475, height: 60, color: rgb(0.75, 0.1, 0.1) });
    page.drawText(`Meeting minutes - page ${n}`, { x: 70, y: 650, size: 24, font, color: rgb(0, 0, 0) });
    for (let line = 0; line < 20; line += 1) {
      page.drawRectangle({ x: 70, y: 600 - line * 24, width: 420 - (line % 4) * 40, height: 8, color: rgb(0.2, 0.2, 0.2) });
    }
  }
  fs.writeFileSync(file, await doc.save());
}

export async function writePhotoJpeg(file: string): Promise<void> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600">
    <rect width="800" height="600" fill="#8ecae6"/>
    <rect y="380" width="800" height="220" fill="#52796f"/>
    <circle cx="620" cy="140" r="70" fill="#ffb703"/>
    <rect x="120" y="220" width="260" height="200" fill="#c1121f"/>
  </svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toFile(file);
}

export function writeEmptyFile(file: string): void {
  fs.writeFileSync(file, Buffer.alloc(0));
}

export async function writeFixtures(dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  const pdf = path.join(dir, '创建工作领导小组会议纪要.pdf');
  const photo = path.join(dir, '道德讲堂活动照片.jpg');
  const empty = path.join(dir, '空白扫描件.pdf');
  await writeMinutesPdf(pdf);
  await writePhotoJpeg(photo);
  writeEmptyFile(empty);
  return { pdf, photo, empty };
}
