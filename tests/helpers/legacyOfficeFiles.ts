// Real legacy Office, WPS and slide files for the tests: the repository's .doc/.xls fixtures (made
// by LibreOffice, see tests/fixtures/office/README.md), slides LibreOffice makes from the plan's
// pages on the spot, and damaged and password-protected copies of each.
import CFB from 'cfb';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findOffice } from '../../electron/core/convert/findOffice';
import { fixture } from './fixtureFiles';
import { tempDir } from './tempArchive';

/** Words on the plan's page, and so on the slides made from it. */
export const PLAN_WORDS = ['创建工作计划', '指导思想', '每月召开一次创建工作推进会'];
/** Words in the 活动台账 sheet. */
export const SHEET_WORDS = ['负责人'];

/** soffice when installed here (CI installs it); tests that need it skip, saying so, when it is not. */
export const soffice = (): string | null => {
  const office = findOffice();
  return office.found ? office.program : null;
};

function convert(program: string, input: string, to: string, outDir: string, filter?: string): string {
  const profile = `file://${tempDir('dossier-lo-profile-')}`;
  execFileSync(program, [`-env:UserInstallation=${profile}`, '--headless', ...(filter ? [`--infilter=${filter}`] : []), '--convert-to', to, '--outdir', outDir, input], { stdio: 'ignore' });
  return path.join(outDir, `${path.parse(input).name}.${to.split(':')[0]}`);
}

/**
 * The plan's pages as slides: .pptx and .ppt, and a .dps (WPS 演示 writes the .ppt layout) from the
 * .pptx; and the sheet saved again as an .et (WPS 表格 writes the .xls layout). Each its own bytes,
 * so none is filed as a duplicate of another.
 */
export function slides(program: string): { pptx: Buffer; ppt: Buffer; dps: Buffer; et: Buffer } {
  const dir = tempDir('dossier-slides-');
  const doc = path.join(dir, '汇报.doc');
  fs.writeFileSync(doc, fixture('office', '工作计划.doc'));
  const pdf = convert(program, doc, 'pdf', dir);
  const pptx = convert(program, pdf, 'pptx', dir, 'impress_pdf_import');
  const again = tempDir('dossier-resaved-');
  const xls = path.join(dir, '台账.xls');
  fs.writeFileSync(xls, fixture('office', '活动台账.xls'));
  return {
    pptx: fs.readFileSync(pptx),
    ppt: fs.readFileSync(convert(program, pdf, 'ppt', dir, 'impress_pdf_import')),
    dps: fs.readFileSync(convert(program, pptx, 'ppt', again)),
    et: fs.readFileSync(convert(program, xls, 'xls:MS Excel 97', again)),
  };
}

export const cut = (bytes: Buffer, share = 0.6): Buffer => bytes.subarray(0, Math.floor(bytes.length * share));

/** As Word saves with a password: the FIB's fEncrypted bit set (byte 0x0B of WordDocument). */
export function passwordDoc(doc: Buffer): Buffer {
  const container = CFB.read(doc, { type: 'buffer' });
  const word = CFB.find(container, 'WordDocument')!;
  const content = Buffer.from(word.content as Uint8Array);
  content[0x0b] |= 0x01;
  word.content = content;
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

/** As Excel saves with a password: a FILEPASS record right after the workbook's BOF. */
export function passwordXls(xls: Buffer): Buffer {
  const container = CFB.read(xls, { type: 'buffer' });
  const book = CFB.find(container, 'Workbook')!;
  const content = Buffer.from(book.content as Uint8Array);
  const bofEnd = 4 + content.readUInt16LE(2);
  // FILEPASS, RC4 CryptoAPI header only: what a reader checks before it asks for the password.
  const filepass = Buffer.from([0x2f, 0x00, 0x06, 0x00, 0x01, 0x00, 0x04, 0x00, 0x02, 0x00]);
  book.content = Buffer.concat([content.subarray(0, bofEnd), filepass, content.subarray(bofEnd)]);
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

/** As PowerPoint saves a .pptx with a password: an OLE file with EncryptionInfo and EncryptedPackage. */
export function passwordPptx(): Buffer {
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, '/EncryptionInfo', Buffer.from([0x04, 0x00, 0x04, 0x00, 0x40, 0x00, 0x00, 0x00]));
  CFB.utils.cfb_add(container, '/EncryptedPackage', Buffer.alloc(4096, 0x5a));
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}
