import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { tempDir as tempDirRemovedAtExit } from '../helpers/tempArchive';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Copies of the shared sample workbooks, kept in the repository so a fresh clone tests alone. */
export const samplesDir = path.resolve(repoRoot, 'tests', 'fixtures', 'samples');
export const templatesDir = path.resolve(repoRoot, 'resources', 'indicator-systems');

export function tempDir(): string {
  return tempDirRemovedAtExit('dossier-indicators-');
}

export function writeFile(dir: string, name: string, data: Buffer | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

export interface SheetSpec {
  name?: string;
  rows: (string | number | null)[][];
  /** Excel ranges, e.g. 'A1:E1'. */
  merges?: string[];
}

/** An .xlsx written by exceljs, with merged cells as Excel stores them. */
export async function writeXlsx(dir: string, name: string, sheets: SheetSpec[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  sheets.forEach((spec, i) => {
    const sheet = workbook.addWorksheet(spec.name ?? `Sheet${i + 1}`);
    for (const row of spec.rows) sheet.addRow(row);
    for (const range of spec.merges ?? []) sheet.mergeCells(range);
  });
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

export interface DocxCell {
  text: string;
  span?: number;
  vMerge?: 'restart' | 'continue';
}

export type DocxBlock = { paragraph: string } | { table: (string | DocxCell)[][] };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function cellXml(cell: string | DocxCell): string {
  const c = typeof cell === 'string' ? { text: cell } : cell;
  const props = [c.span ? `<w:gridSpan w:val="${c.span}"/>` : '', c.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : c.vMerge === 'continue' ? '<w:vMerge/>' : ''].join('');
  const paras = c.text.split('\n').map((line) => `<w:p><w:r><w:t xml:space="preserve">${esc(line)}</w:t></w:r></w:p>`).join('');
  return `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${paras}</w:tc>`;
}

/** A minimal but valid .docx: paragraphs and tables in order. */
export async function writeDocx(dir: string, name: string, blocks: DocxBlock[]): Promise<string> {
  const body = blocks
    .map((b) =>
      'paragraph' in b
        ? `<w:p><w:r><w:t>${esc(b.paragraph)}</w:t></w:r></w:p>`
        : `<w:tbl><w:tblPr/>${b.table.map((row) => `<w:tr>${row.map(cellXml).join('')}</w:tr>`).join('')}</w:tbl><w:p/>`,
    )
    .join('');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`,
  );
  const file = path.join(dir, name);
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
  return file;
}
