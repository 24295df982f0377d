// `npm run bench`: figures as ratios against baselines measured in the same run, so they mean
// the same on a fast or a slow machine. Sizes can be raised with BENCH_PHOTOS / BENCH_MATERIALS.
import { benchImport } from './importPhotos';
import { benchSearch } from './search';

const photos = Number(process.env.BENCH_PHOTOS ?? 120);
const materials = Number(process.env.BENCH_MATERIALS ?? 100_000);

console.log('Dossier bench');
console.log(JSON.stringify(await benchImport(photos), null, 2));
console.log(JSON.stringify(await benchSearch(materials), null, 2));
