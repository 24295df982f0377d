import { pageRasters, similarity } from '../tests/helpers/pageSimilarity';
const names = ['gongwen', 'tables', 'image', 'headerFooter', 'columns', 'pageBreaks'];
const all: Record<string, Buffer[]> = {};
for (const n of names) {
  const a = await pageRasters(`/tmp/h13/dp/${n}.pdf`); const b = await pageRasters(`/tmp/h13/lo/${n}.pdf`);
  all[n] = b;
  console.log(n, a.length, b.length, a.map((p, i) => b[i] ? JSON.stringify(similarity(p, b[i])) : '-').join(' '));
}
// Unlike pages, for scale: LibreOffice's page 1 of each against the others'.
for (const x of names) for (const y of names) if (x < y) console.log('unlike', x, y, JSON.stringify(similarity(all[x][0], all[y][0])));
process.exit(0);
