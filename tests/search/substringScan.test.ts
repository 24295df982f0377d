// The bigram index answers exactly what a plain substring scan of the same text answers: every
// query length, ASCII case, punctuation, spaces, FTS5 operator words, characters outside the
// BMP, filters, the 回收站 and other dossiers; title matches come first; the count is exact.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator, Material, MaterialKind } from '../../shared/domain';
import { getMaterial } from '../../electron/core/materials/repo';
import { indexAllPending, indexPending } from '../../electron/core/search/searchIndex';
import { openTestArchive, sampleDossier, tempDir, type TestArchive } from '../helpers/tempArchive';
import { reportText, reportTitle, seededRandom } from '../helpers/reportCorpus';

const tricky = [
  'GB/T 9704-2012《党政机关公文格式》',
  '附件：PDF 与 pdf 与 Pdf',
  '“双引号”与"ASCII 引号"、\'单引号\'',
  'AND OR NOT NEAR 都是普通的词',
  '{title} : ^起始 * 星号 (括号) - 减号',
  '𠀀𠀁 扩展B区汉字 与 😀 表情',
  '制表\t符与\n换行\r\n之间',
  '全角ＡＢＣ１２３与半角ABC123',
  '会',
  '',
];

describe('search agrees with a substring scan', () => {
  const dir = tempDir('dossier-search-scan-');
  let t: TestArchive;
  let dossierId: number;
  let otherDossierId: number;
  let indicators: Indicator[];
  const bodies = new Map<number, string>();

  beforeAll(async () => {
    t = openTestArchive(path.join(dir, 'archive'));
    // The states of the index are set by hand below: waiting, half written, written.
    t.ctx.searchIndexer.stop();
    const sample = await sampleDossier(t.api);
    dossierId = sample.dossier.id;
    indicators = sample.indicators;
    otherDossierId = (await t.api['dossiers.create']({ name: '另一档案', systemId: (await t.api['dossiers.list']({}))[0].systemId })).id;
    const { db } = t.ctx.archive;
    const r = seededRandom(42);
    const now = new Date().toISOString();
    const kinds: MaterialKind[] = ['document', 'spreadsheet', 'photo', 'other'];
    const blob = db.prepare("INSERT INTO blob (sha256, size, media_type, body_text, text_state, created_at) VALUES (?, 1, 'text/plain', ?, 'done', ?)");
    const material = db.prepare(
      `INSERT INTO material (id, dossier_id, kind, sha256, title, note, place, date, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    db.transaction(() => {
      for (let i = 1; i <= 400; i += 1) {
        const pickTricky = () => tricky[Math.floor(r() * tricky.length)];
        const body = r() < 0.2 ? pickTricky() + reportText(r, 50) : reportText(r, Math.floor(r() * 800));
        const title = r() < 0.15 ? pickTricky() || '无题' : reportTitle(r, i);
        const note = r() < 0.2 ? pickTricky() : '';
        const sha = `f${i.toString(16).padStart(63, '0')}`;
        blob.run(sha, body, now);
        // Mostly real dates; some as typed by mistake (no such day, no such month, a lost digit).
        const odd = ['18991231', '20241301', '02024010', '20240230', '20240229', '99991231', ''];
        const date = i % 13 === 0 ? odd[(i / 13) % odd.length] : `${2023 + (i % 3)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
        material.run(10_000 + i, i % 10 === 0 ? otherDossierId : dossierId, kinds[i % kinds.length], sha, title, note, i % 7 === 0 ? '会议室' : '', date, now, now);
        bodies.set(10_000 + i, body);
      }
    })();
    await t.api['materials.trash']({ materialIds: [10_003, 10_005] });
  }, 120_000);
  afterAll(async () => t?.close());

  /** The metadata a clerk sees in the drawer, on one line. */
  const metaOf = (m: Material) =>
    [m.originalName, m.responsible, m.docNumber, m.date, m.note, m.photoTime, m.place, m.people, m.photographer, m.description, ...m.photos.map((p) => p.caption)]
      .filter(Boolean)
      .join(' ');
  const lowerAscii = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  let liveMaterials: Material[] | undefined;
  const live = (): Material[] =>
    (liveMaterials ??= [...bodies.keys()].map((id) => getMaterial(t.ctx.archive.db, id)).filter((m) => m.dossierId === dossierId && !m.trashedAt));

  /** What a clerk expects: every live material holding the text, title matches first. */
  function scan(query: string, keep: (m: Material) => boolean = () => true): number[] {
    const q = lowerAscii(query.trim());
    const has = (s: string) => lowerAscii(s).includes(q);
    const matches = live().filter((m) => keep(m) && (has(m.title) || has(metaOf(m)) || has(bodies.get(m.id) ?? '')));
    return [...matches.filter((m) => has(m.title)), ...matches.filter((m) => !has(m.title))].map((m) => m.id);
  }

  const search = (query: string, filters = {}) => t.api['materials.search']({ dossierId, query, filters, limit: 5000 });

  function sampleQueries(): string[] {
    const r = seededRandom(7);
    const texts = [...bodies.values(), ...tricky].filter(Boolean);
    const out = new Set<string>();
    while (out.size < 250) {
      const text = [...texts[Math.floor(r() * texts.length)]];
      const length = 1 + Math.floor(r() * 6);
      const at = Math.floor(r() * Math.max(1, text.length - length));
      const q = text.slice(at, at + length).join('').trim();
      if (q) out.add(q);
    }
    for (const q of ['pdf', 'PDF', 'gb/t 9704', 'AND', 'NOT', 'NEAR', '"', "'", '“双', '*', '(', '{title}', '^', ':', '-', '𠀁', '😀', '扩展B', 'ＡＢＣ', 'abc', '\t符', '鑫淼焱', '氡', '会议室', '会']) out.add(q);
    return [...out];
  }

  async function compareAll(): Promise<string[]> {
    const failures: string[] = [];
    for (const q of sampleQueries()) {
      const expected = scan(q);
      const result = await search(q);
      const got = result.hits.map((h) => h.material.id);
      if (JSON.stringify(got) !== JSON.stringify(expected) || result.total !== expected.length) {
        failures.push(`${JSON.stringify(q)}: 期望 ${expected.length} 条，得到 ${result.total} 条`);
      }
    }
    return failures;
  }

  it('gives the same materials in the same order, and the same count, for 275 queries, before, while and after indexing', async () => {
    const { db } = t.ctx.archive;
    expect(await compareAll()).toEqual([]); // nothing indexed yet: a scan of what waits
    indexPending(db, 180);
    expect(db.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBeGreaterThan(100);
    expect(await compareAll()).toEqual([]); // part index, part scan
    indexAllPending(db);
    expect(db.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(0);
    expect(await compareAll()).toEqual([]);
  });

  const leaves = () => indicators.filter((i) => !indicators.some((c) => c.parentId === i.id));
  const below = (rootId: number): Set<number> => {
    const ids = new Set([rootId]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const i of t.ctx.archive.db.prepare('SELECT id, parent_id AS parentId FROM indicator').all() as { id: number; parentId: number | null }[]) {
        if (i.parentId !== null && ids.has(i.parentId) && !ids.has(i.id)) grew = ids.add(i.id) !== undefined;
      }
    }
    return ids;
  };

  /** `categoryId`: the category the moved leaf was under, so that the move is what is checked. */
  async function compareFiltered(categoryId: number): Promise<string[]> {
    const failures: string[] = [];
    const category = indicators.find((i) => i.id === categoryId)!;
    const unitIndicators = new Set(
      (t.ctx.archive.db.prepare("SELECT id FROM indicator WHERE names_unit(responsible_unit, '宣传科')").pluck().all() as number[]),
    );
    const kinds: MaterialKind[] = ['document', 'photo'];
    const cases: [string, object, (m: Material) => boolean][] = [
      ['kinds', { kinds }, (m) => kinds.includes(m.kind)],
      ['dates', { dateFrom: '20240310', dateTo: '20240620' }, (m) => m.date >= '20240310' && m.date <= '20240620'],
      ['from', { dateFrom: '20241101' }, (m) => m.date >= '20241101'],
      ['to', { dateTo: '20301231' }, (m) => m.date !== '' && m.date <= '20301231'],
      ['leap day', { dateFrom: '20240229', dateTo: '20240229' }, (m) => m.date === '20240229'],
      ['years', { dateFrom: '20230101', dateTo: '20241231' }, (m) => m.date >= '20230101' && m.date <= '20241231'],
      ['indicator', { indicatorId: category.id }, (m) => m.indicatorIds.some((id) => below(category.id).has(id))],
      ['leaf', { indicatorId: leaves()[1].id }, (m) => m.indicatorIds.includes(leaves()[1].id)],
      ['unit', { responsibleUnit: '宣传科' }, (m) => m.indicatorIds.some((id) => unitIndicators.has(id))],
      ['unlinked', { unlinked: true }, (m) => m.indicatorIds.length === 0],
      ['both', { kinds, indicatorId: category.id }, (m) => kinds.includes(m.kind) && m.indicatorIds.some((id) => below(category.id).has(id))],
    ];
    // A bound that is no date is refused at the edge, in words a clerk reads, before any search.
    const refused = String(await search('工作', { dateFrom: '20240015', dateTo: '20241399' }).catch((e: Error) => e));
    if (!refused.includes('“20240015”不是有效日期')) failures.push(`odd bounds: ${refused}`);
    liveMaterials = undefined;
    for (const q of ['工作', '志', '服务群众', '会议室', 'pdf']) {
      for (const [name, filters, keep] of cases) {
        const expected = scan(q, keep);
        const result = await search(q, filters);
        if (JSON.stringify(result.hits.map((h) => h.material.id)) !== JSON.stringify(expected) || result.total !== expected.length) {
          failures.push(`${q} / ${name}: 期望 ${expected.length} 条，得到 ${result.total} 条`);
        }
      }
    }
    return failures;
  }

  it('agrees under every filter, after filing, unfiling, moving an indicator, 回收站 and back', async () => {
    const { db } = t.ctx.archive;
    indexAllPending(db);
    const ids = [...bodies.keys()];
    const [first, second] = leaves();
    const categoryId = second.parentId!;
    await t.api['materials.linkMany']({ materialIds: ids.filter((id) => id % 3 === 0), indicatorId: first.id });
    await t.api['materials.linkMany']({ materialIds: ids.filter((id) => id % 5 === 0), indicatorId: second.id });
    await t.api['indicators.update']({ indicatorId: second.id, fields: { responsibleUnit: '宣传科' } });
    expect(await compareFiltered(categoryId)).toEqual([]); // links waiting for the index
    indexAllPending(db);
    expect(await compareFiltered(categoryId)).toEqual([]);

    await t.api['materials.unlinkMany']({ materialIds: ids.filter((id) => id % 6 === 0), indicatorId: first.id });
    await t.api['materials.trash']({ materialIds: [10_009, 10_015] });
    await t.api['materials.restore']({ materialIds: [10_005] });
    // The second leaf moves to the top level: what is filed there leaves its old category.
    const moved = await t.api['indicators.move']({ indicatorId: second.id, parentId: null, index: 0 });
    indicators = (await t.api['indicators.list']({ systemId: moved.systemId }));
    indexAllPending(db);
    expect(await compareFiltered(categoryId)).toEqual([]);
    const page = await t.api['materials.search']({ dossierId, query: '的', filters: {}, limit: 10 });
    expect(page.hits).toHaveLength(10);
    expect(page.total).toBe(scan('的').length);
    expect(page.truncated).toBe(page.total > 10);
  });

  it('cuts the snippet around the match, from the text, else from the metadata', async () => {
    const [hit] = (await search('GB/T 9704')).hits.filter((h) => h.snippetSource === 'body');
    expect(hit.snippet).toContain('GB/T 9704');
    const meta = (await search('会议室')).hits.find((h) => !(bodies.get(h.material.id) ?? '').includes('会议室') && !h.material.title.includes('会议室'));
    expect(meta?.snippetSource).toBe('meta');
    expect(meta?.snippet).toContain('会议室');
  });

  it('keeps no index rows for a purged material', async () => {
    const { db } = t.ctx.archive;
    indexAllPending(db);
    await t.api['materials.purge']({ materialIds: [10_003] });
    indexAllPending(db);
    for (const table of ['search_bigram', 'search_char', 'search_title']) {
      expect(db.prepare(`SELECT count(*) FROM ${table} WHERE rowid = 10003`).pluck().get()).toBe(0);
      expect(db.prepare(`SELECT count(*) FROM ${table} WHERE rowid = 10009`).pluck().get()).toBe(1);
    }
  });
});
