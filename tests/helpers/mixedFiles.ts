// Many small files of the kinds clerks file (PNG, PDF, TXT), each with unique content, plus the
// same shared contents under this folder's own names: for imports that run side by side.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';

export async function makeMixedFiles(dir: string, prefix: string, count: number, shared: Buffer[]): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i += 1) {
    const name = `${prefix}${String(i).padStart(3, '0')}`;
    if (i % 3 === 0) {
      await sharp(randomBytes(64 * 48 * 3), { raw: { width: 64, height: 48, channels: 3 } }).png().toFile(path.join(dir, `${name}.png`));
    } else if (i % 3 === 1) {
      const pdf = await PDFDocument.create();
      pdf.addPage().drawText(`plan ${i} ${randomBytes(8).toString("hex")}`);
      fs.writeFileSync(path.join(dir, `${name}.pdf`), await pdf.save());
    } else {
      fs.writeFileSync(path.join(dir, `${name}.txt`), `${name}：创建工作记录 ${randomBytes(16).toString('hex')}\n`);
    }
  }
  // The same content in both folders: stored once, whichever process commits first.
  shared.forEach((bytes, i) => fs.writeFileSync(path.join(dir, `${prefix}相同内容${i}.txt`), bytes));
}
