import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';

/** Small distinct PDFs (distinct bytes, so none is a duplicate of another). */
export async function writePdfs(dir: string, names: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const name of names) {
    const pdf = await PDFDocument.create();
    pdf.setTitle(name);
    pdf.addPage([200, 200]);
    const file = path.join(dir, `${name}.pdf`);
    fs.writeFileSync(file, await pdf.save());
    out.push(file);
  }
  return out;
}
