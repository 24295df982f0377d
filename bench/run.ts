// `npm run bench`: figures as ratios against baselines measured in the same run, so they mean
// the same on a fast or a slow machine. Sizes follow the issues' definitions; lower them with
// BENCH_PHOTOS, BENCH_HEIC, BENCH_DOCX_ROUNDS, BENCH_OFD_PAGES, BENCH_SEARCH_SIZES (BENCH_SEARCH_LONG=1 adds 1,000,000), BENCH_PACKET_PHOTOS, BENCH_INDICATOR_ROWS, BENCH_LIST, BENCH_BUNDLE_MATERIALS, BENCH_OCR_PAGES, BENCH_OCR_IMPORT_PAGES for a quick run.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchImport } from './importPhotos';
import { benchImportHeic } from './importHeic';
import { benchMaterialList } from './materialList';
import { benchSearch } from './search';
import { benchIndicatorImport } from './indicatorImport';
import { benchPackets } from './packets';
import { benchDocxPages } from './docxPages';
import { benchOfdPages } from './ofdPages';
import { benchIntegrity } from './integrity';
import { benchBundles } from './bundles';
import { benchOcr } from './ocr';

const photos = Number(process.env.BENCH_PHOTOS ?? 1000);

const searchSizes = (process.env.BENCH_SEARCH_SIZES ?? '10000,100000').split(',').map(Number);
if (process.env.BENCH_SEARCH_LONG === '1') searchSizes.push(1_000_000);

const sections: Record<string, () => Promise<unknown>> = {
  photos: () => benchImport(photos),
  heic: () => benchImportHeic(Number(process.env.BENCH_HEIC ?? 20)),
  search: () => benchSearch(searchSizes),
  docx: () => benchDocxPages(),
  ofd: () => benchOfdPages(),
  packets: () => benchPackets(Number(process.env.BENCH_PACKET_PHOTOS ?? 300)),
  indicators: () => benchIndicatorImport(Number(process.env.BENCH_INDICATOR_ROWS ?? 5000)),
  list: () => benchMaterialList(Number(process.env.BENCH_LIST ?? 20_000)),
  integrity: () => benchIntegrity(Number(process.env.BENCH_INTEGRITY_FILES ?? 200)),
  bundles: () => benchBundles(Number(process.env.BENCH_BUNDLE_MATERIALS ?? 500)),
  ocr: () => benchOcr(Number(process.env.BENCH_OCR_PAGES ?? 5), Number(process.env.BENCH_OCR_IMPORT_PAGES ?? 50)),
};

// BENCH_ONLY=list,search runs only those sections (all by default). Each runs in a process of
// its own, so a peak memory figure is that section's, not what the sections before it left.
const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const child = process.env.BENCH_SECTION_CHILD;
if (child) {
  console.log(JSON.stringify(await sections[child](), null, 2));
} else {
  console.log('Dossier bench');
  let failed = 0;
  for (const name of Object.keys(sections).filter((n) => only.length === 0 || only.includes(n))) {
    const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], { stdio: 'inherit', env: { ...process.env, BENCH_SECTION_CHILD: name } });
    if (run.status !== 0) {
      failed += 1;
      console.error(`bench section ${name} failed (exit ${run.status ?? run.signal})`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}
