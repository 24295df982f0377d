// `npm run bench`: figures as ratios against baselines measured in the same run, so they mean
// the same on a fast or a slow machine. Sizes follow the issues' definitions; lower them with
// BENCH_PHOTOS, BENCH_HEIC, BENCH_DOCX_ROUNDS, BENCH_OFD_PAGES, BENCH_SEARCH_SIZES (BENCH_SEARCH_LONG=1 adds 1,000,000), BENCH_PACKET_PHOTOS, BENCH_INDICATOR_ROWS, BENCH_LIST, BENCH_BUNDLE_MATERIALS, BENCH_OCR_PAGES, BENCH_OCR_IMPORT_PAGES for a quick run.
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

// BENCH_ONLY=list,search runs only those sections (all by default).
const only = new Set((process.env.BENCH_ONLY ?? '').split(',').filter(Boolean));
const section = async (name: string, body: () => Promise<unknown>) => {
  if (only.size === 0 || only.has(name)) console.log(JSON.stringify(await body(), null, 2));
};

console.log('Dossier bench');
await section('photos', () => benchImport(photos));
await section('heic', () => benchImportHeic(Number(process.env.BENCH_HEIC ?? 20)));
const searchSizes = (process.env.BENCH_SEARCH_SIZES ?? '10000,100000').split(',').map(Number);
if (process.env.BENCH_SEARCH_LONG === '1') searchSizes.push(1_000_000);
await section('search', () => benchSearch(searchSizes));
await section('docx', () => benchDocxPages());
await section('ofd', () => benchOfdPages());
await section('packets', () => benchPackets(Number(process.env.BENCH_PACKET_PHOTOS ?? 300)));
await section('indicators', () => benchIndicatorImport(Number(process.env.BENCH_INDICATOR_ROWS ?? 5000)));
await section('list', () => benchMaterialList(Number(process.env.BENCH_LIST ?? 20_000)));
await section('integrity', () => benchIntegrity(Number(process.env.BENCH_INTEGRITY_FILES ?? 200)));
await section('bundles', () => benchBundles(Number(process.env.BENCH_BUNDLE_MATERIALS ?? 500)));
await section('ocr', () => benchOcr(Number(process.env.BENCH_OCR_PAGES ?? 5), Number(process.env.BENCH_OCR_IMPORT_PAGES ?? 50)));
