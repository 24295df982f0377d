// Point 2: 四性检测 over a real archive, each heading proven by a file that fails or is flagged
// there; the report exported as PDF (read back with poppler) and Excel (read back with exceljs).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { darkPixels, renderPage } from '../helpers/pdfTools';
import { openTestArchive, tempDir, type TestArchive } from '../helpers/tempArchive';
import { docx, encryptPdf, png } from '../packets/fixtures';
import { activePdf, macroDocx, plainPdf } from './fixtures';

describe('四性检测', () => {
  let t: TestArchive;
  const inputs = tempDir('dossier-verify-in-');
  const byName = new Map<string, { id: number; sha256: string }>();
  const storedFile = (sha: string) => path.join(t.dir, 'files', sha.slice(0, 2), sha.slice(2, 4), sha);

  beforeAll(async () => {
    t = openTestArchive();
    const dossier = await t.api['dossiers.create']({ name: '四性检测档案', unit: '示例单位' });
    await plainPdf(path.join(inputs, '实施方案.pdf'), 3);
    await png(path.join(inputs, '活动照片.png'), 120, 80);
    await docx(path.join(inputs, '工作总结.docx'), ['总结']);
    await plainPdf(path.join(inputs, 'plain.pdf'), 1, 'secret');
    encryptPdf(path.join(inputs, 'plain.pdf'), path.join(inputs, '加密文件.pdf'));
    fs.rmSync(path.join(inputs, 'plain.pdf'));
    await macroDocx(path.join(inputs, '带宏文档.docm'));
    await activePdf(path.join(inputs, '脚本文件.pdf'), 'JavaScript');
    await activePdf(path.join(inputs, '启动程序.pdf'), 'Launch');
    const report = await t.api['materials.add']({ dossierId: dossier.id, paths: [inputs] });
    expect(report.failed).toEqual([]);
    for (const a of report.added) byName.set(path.basename(a.path), { id: a.material.id, sha256: a.material.sha256 });
  });
  afterAll(() => t.close());

  it('passes with security warnings naming the encrypted, macro and active-content files', async () => {
    const report = await t.api['integrity.verify']({});
    expect(report.ok).toBe(true);
    expect(report.filesChecked).toBe(7);
    expect(report.sections.map((s) => s.label)).toEqual(['真实性', '完整性', '可用性', '安全性']);
    const security = report.problems.filter((p) => p.check === 'security');
    const flagged = (name: string) => security.filter((p) => p.materialId === byName.get(name)!.id).map((p) => p.message).join('\n');
    expect(flagged('加密文件.pdf')).toContain('PDF 已加密');
    expect(flagged('带宏文档.docm')).toContain('宏');
    expect(flagged('脚本文件.pdf')).toContain('JavaScript');
    expect(flagged('启动程序.pdf')).toContain('Launch');
    expect(flagged('实施方案.pdf') + flagged('活动照片.png') + flagged('工作总结.docx')).toBe('');
    expect(report.problems.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('names exactly the one material whose stored file lost a byte (authenticity)', async () => {
    const victim = byName.get('工作总结.docx')!;
    const file = storedFile(victim.sha256);
    const original = fs.readFileSync(file);
    fs.chmodSync(file, 0o644);
    const changed = Buffer.from(original);
    changed[changed.length >> 1] ^= 0xff;
    fs.writeFileSync(file, changed);
    try {
      const report = await t.api['integrity.verify']({});
      expect(report.ok).toBe(false);
      const errors = report.problems.filter((p) => p.severity === 'error');
      expect(errors.map((p) => [p.check, p.materialId])).toEqual([['authenticity', victim.id]]);
      expect(errors[0].message).toContain('《工作总结》');
      expect(errors[0].file).toBe(file);
    } finally {
      fs.writeFileSync(file, original);
    }
  });

  it('flags a truncated file as unusable, a missing one as incomplete, a wrong page count, and an unregistered file', async () => {
    const pdf = byName.get('实施方案.pdf')!;
    const photo = byName.get('活动照片.png')!;
    const pdfFile = storedFile(pdf.sha256);
    const photoFile = storedFile(photo.sha256);
    const pdfBytes = fs.readFileSync(pdfFile);
    const photoBytes = fs.readFileSync(photoFile);
    const orphan = storedFile('ab'.repeat(32));
    t.ctx.archive.db.prepare('UPDATE blob SET page_count = 9 WHERE sha256 = ?').run(pdf.sha256);
    fs.rmSync(photoFile, { force: true });
    fs.mkdirSync(path.dirname(orphan), { recursive: true });
    fs.writeFileSync(orphan, 'stray');
    try {
      const report = await t.api['integrity.verify']({});
      const errors = report.problems.filter((p) => p.severity === 'error');
      expect(errors.find((p) => p.materialId === pdf.id)?.message).toContain('页数与登记不符（登记 9 页，文件 3 页）');
      expect(errors.find((p) => p.materialId === photo.id)).toMatchObject({ check: 'integrity' });
      expect(errors.find((p) => p.materialId === photo.id)?.message).toContain('原始文件缺失');
      expect(report.problems.find((p) => p.sha256 === 'ab'.repeat(32))).toMatchObject({ check: 'integrity', severity: 'warning' });
      expect((await t.api['integrity.openStatus']({})).orphans).toEqual(['ab'.repeat(32)]);

      // A genuine file (hash intact) that does not open as its format: a half PNG filed by an
      // older version, rows written directly as that version would have.
      fs.writeFileSync(photoFile, photoBytes);
      const half = path.join(tempDir('dossier-half-'), 'half.png');
      fs.writeFileSync(half, photoBytes.subarray(0, photoBytes.length >> 1));
      const stored = await t.ctx.archive.store.putFile(half);
      const now = new Date().toISOString();
      t.ctx.archive.db.prepare("INSERT INTO blob (sha256, size, media_type, created_at) VALUES (?, ?, 'image/png', ?)").run(stored.sha256, stored.size, now);
      const halfId = Number(
        t.ctx.archive.db
          .prepare("INSERT INTO material (dossier_id, kind, sha256, original_name, title, created_at, updated_at) VALUES (1, 'photo', ?, 'half.png', '半张照片', ?, ?)")
          .run(stored.sha256, now, now).lastInsertRowid,
      );
      const truncated = await t.api['integrity.verify']({});
      const usability = truncated.problems.filter((p) => p.check === 'usability');
      expect(usability.map((p) => [p.materialId, p.message.includes('图片无法解码')])).toEqual([[halfId, true]]);
      t.ctx.archive.db.prepare('DELETE FROM material WHERE id = ?').run(halfId);
      t.ctx.archive.db.prepare('DELETE FROM blob WHERE sha256 = ?').run(stored.sha256);

      const moved = await t.api['integrity.quarantineOrphans']({});
      expect(moved.moved.sort()).toEqual([path.join(t.dir, 'quarantine', 'ab'.repeat(32)), path.join(t.dir, 'quarantine', stored.sha256)].sort());
      expect(fs.readFileSync(path.join(t.dir, 'quarantine', 'ab'.repeat(32)), 'utf8')).toBe('stray'); // kept, not deleted
    } finally {
      t.ctx.archive.db.prepare('UPDATE blob SET page_count = 3 WHERE sha256 = ?').run(pdf.sha256);
      fs.writeFileSync(photoFile, photoBytes);
      fs.writeFileSync(pdfFile, pdfBytes);
    }
    expect((await t.api['integrity.verify']({})).ok).toBe(true);
  });

  it('flags a material without 题名 (required metadata)', async () => {
    const id = byName.get('实施方案.pdf')!.id;
    t.ctx.archive.db.prepare("UPDATE material SET title = '' WHERE id = ?").run(id);
    try {
      const report = await t.api['integrity.verify']({});
      expect(report.problems.filter((p) => p.severity === 'error').map((p) => [p.check, p.materialId])).toEqual([['integrity', id]]);
    } finally {
      t.ctx.archive.db.prepare("UPDATE material SET title = '实施方案' WHERE id = ?").run(id);
    }
  });

  it('exports the report as a PDF with the four headings in readable Chinese', async () => {
    const out = tempDir('dossier-verify-out-');
    const { path: pdf } = await t.api['integrity.exportReport']({ format: 'pdf', outDir: out });
    expect(path.dirname(pdf)).toBe(out);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    for (const heading of ['电子档案四性检测报告', '真实性检测', '完整性检测', '可用性检测', '安全性检测', '带宏文档']) expect(text).toContain(heading);
    expect(await darkPixels(renderPage(pdf, 1))).toBeGreaterThan(500);
    expect(fs.readdirSync(out)).toEqual([path.basename(pdf)]); // no temp file left behind
  });

  it('exports the report as an Excel workbook with a summary and a problem list', async () => {
    const { path: xlsx } = await t.api['integrity.exportReport']({ format: 'xlsx', outDir: tempDir('dossier-verify-x-') });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const summary = wb.getWorksheet('汇总')!;
    expect([2, 3, 4, 5].map((r) => summary.getRow(r).getCell(1).value)).toEqual(['真实性', '完整性', '可用性', '安全性']);
    const list = wb.getWorksheet('问题清单')!;
    const titles = list.getColumn(4).values.slice(2);
    expect(titles).toEqual(expect.arrayContaining(['加密文件', '带宏文档', '脚本文件', '启动程序']));
  });
});
