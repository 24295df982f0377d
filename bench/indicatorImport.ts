// Preview + import of a 5,000-row 测评体系 workbook against a bare exceljs read of the same file.
// Each step runs in its own Node process so its peak memory is its own. Goal: ≤ 3× on both.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { tempDir, timed, withPeakRss } from './util';

const self = fileURLToPath(import.meta.url);

async function writeWorkbook(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('测评体系');
  sheet.addRow(['2025年度测评体系（基准测试）']);
  sheet.addRow(['一级指标', '二级指标', '测评内容', '测评方法', '分值', '应备材料', '责任单位']);
  const perCategory = 50;
  for (let i = 0; i < rows; i++) {
    const cat = Math.floor(i / perCategory) + 1;
    const sub = Math.floor((i % perCategory) / 10) + 1;
    sheet.addRow([`第${cat}类工作`, `第${cat}.${sub}项要求`, `第${i + 1}条测评内容：按要求开展工作并留存台账`, '材料审核、实地考察', 1, '方案、纪要、照片', '办公室']);
  }
  await wb.xlsx.writeFile(file);
}

async function step(mode: string, file: string): Promise<void> {
  // Code is loaded before the clock starts: the figure is the work, not module loading.
  const { previewAndImport } = await import('./indicatorImportArchive');
  const result = await withPeakRss(() =>
    timed(async () => {
      if (mode === 'exceljs') {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(file);
        return wb.worksheets[0].rowCount;
      }
      return previewAndImport(file);
    }),
  );
  process.stdout.write(JSON.stringify({ ms: Math.round(result.value.ms), peakMb: result.peakMb, value: result.value.value }));
}

function runStep(mode: string, file: string): { ms: number; peakMb: number; value: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--step', mode, file], { encoding: 'utf8' });
  return JSON.parse(out) as { ms: number; peakMb: number; value: number };
}

export async function benchIndicatorImport(rows = 5000) {
  const dir = tempDir('dossier-bench-ind-');
  try {
    const file = path.join(dir, '测评体系5000行.xlsx');
    await writeWorkbook(file, rows);
    const bare = runStep('exceljs', file);
    const ours = runStep('preview+import', file);
    return {
      bench: 'indicator workbook preview + import',
      rows,
      indicators: ours.value,
      exceljsReadMs: bare.ms,
      previewImportMs: ours.ms,
      timeRatio: Math.round((ours.ms / bare.ms) * 100) / 100,
      exceljsPeakMb: bare.peakMb,
      previewImportPeakMb: ours.peakMb,
      memoryRatio: Math.round((ours.peakMb / bare.peakMb) * 100) / 100,
      goal: '≤ 3×',
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--step') await step(process.argv[3], process.argv[4]);
