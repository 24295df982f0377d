import { createContext } from '../electron/core/context';
import { reindexMaterial } from '../electron/core/materials/repo';
import { searchMaterials } from '../electron/core/search/search';
import { percentile, tempDir } from './util';

const words = ['志愿服务', '理论学习', '道德讲堂', '文明创建', '安全生产', '环境整治', '诚信建设', '会议纪要', '实施方案', '工作总结'];

export async function benchSearch(count: number) {
  const ctx = createContext({ archiveDir: tempDir('dossier-bench-search-'), transport: 'direct' });
  const { db } = ctx.archive;
  const now = new Date().toISOString();
  db.prepare("INSERT INTO dossier (name, created_at) VALUES ('bench', ?)").run(now);
  const insertBlob = db.prepare(
    "INSERT INTO blob (sha256, size, media_type, body_text, created_at) VALUES (?, 1, 'application/pdf', ?, ?)",
  );
  const insertMaterial = db.prepare(
    "INSERT INTO material (dossier_id, kind, sha256, title, created_at, updated_at) VALUES (1, 'document', ?, ?, ?, ?)",
  );
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const sha = i.toString(16).padStart(64, '0');
      const w = words[i % words.length];
      insertBlob.run(sha, `${w}相关正文第${i}段，内容包括${words[(i * 7) % words.length]}等。`, now);
      const id = Number(insertMaterial.run(sha, `${w}材料${i}`, now, now).lastInsertRowid);
      reindexMaterial(db, id);
    }
  })();
  const measure = (queries: string[]) => {
    const times: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      for (const q of queries) {
        const start = performance.now();
        searchMaterials(db, { dossierId: 1, query: q, filters: {}, limit: 500 });
        times.push(performance.now() - start);
      }
    }
    return { p50: Number(percentile(times, 50).toFixed(1)), p95: Number(percentile(times, 95).toFixed(1)) };
  };
  // Baseline: a primary-key lookup of the same result size, the floor for any query here.
  const baselineTimes: number[] = [];
  for (let i = 0; i < 50; i += 1) {
    const start = performance.now();
    db.prepare('SELECT * FROM material WHERE id BETWEEN ? AND ?').all(i * 100, i * 100 + 500);
    baselineTimes.push(performance.now() - start);
  }
  const long = measure(['志愿服务', '理论学习', '工作总结', '材料12']);
  const short = measure(['志愿', '学习', '总结', '纪要']);
  await ctx.close();
  const base = percentile(baselineTimes, 95);
  return {
    bench: 'search',
    materials: count,
    threeOrMoreChars: { ...long, goalP95Ms: 50, ratioP95VsPkScan: Number((long.p95 / base).toFixed(1)) },
    oneOrTwoChars: { ...short, goalP95Ms: 200, ratioP95VsPkScan: Number((short.p95 / base).toFixed(1)) },
  };
}
