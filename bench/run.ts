// `npm run bench`: figures as ratios against baselines measured in the same run, so they mean
// the same on a fast or a slow machine. Sizes follow the issues' definitions; lower them with
// BENCH_PHOTOS, BENCH_HEIC, BENCH_SEARCH_SIZES (BENCH_SEARCH_LONG=1 adds 1,000,000), BENCH_PACKET_PHOTOS, BENCH_INDICATOR_ROWS, BENCH_LIST, BENCH_OCR_PAGES, BENCH_OCR_IMPORT_PAGES for a quick run.
import { benchImport } from './importPhotos';
import { benchImportHeic } from './importHeic';
import { benchMaterialList } from './materialList';
import { benchSearch } from './search';
import { benchIndicatorImport } from './indicatorImport';
import { benchPackets } from './packets';
import { benchIntegrity } from './integrity';
import { benchOcr } from './ocr';

const photos = Number(process.env.BENCH_PHOTOS ?? 1000);

console.log('Dossier bench');
console.log(JSON.stringify(await benchImport(photos), null, 2));
console.log(JSON.stringify(await benchImportHeic(Number(process.env.BENCH_HEIC ?? 20)), null, 2));
const searchSizes = (process.env.BENCH_SEARCH_SIZES ?? '10000,100000').split(',').map(Number);
if (process.env.BENCH_SEARCH_LONG === '1') searchSizes.push(1_000_000);
console.log(JSON.stringify(await benchSearch(searchSizes), null, 2));
console.log(JSON.stringify(await benchPackets(Number(process.env.BENCH_PACKET_PHOTOS ?? 300)), null, 2));
console.log(JSON.stringify(await benchIndicatorImport(Number(process.env.BENCH_INDICATOR_ROWS ?? 5000)), null, 2));
console.log(JSON.stringify(await benchMaterialList(Number(process.env.BENCH_LIST ?? 20_000)), null, 2));
console.log(JSON.stringify(await benchIntegrity(Number(process.env.BENCH_INTEGRITY_FILES ?? 200)), null, 2));
console.log(JSON.stringify(await benchOcr(Number(process.env.BENCH_OCR_PAGES ?? 5), Number(process.env.BENCH_OCR_IMPORT_PAGES ?? 50)), null, 2));
