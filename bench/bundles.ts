// 成员单位报送 (issue 15): receiving a 报送包 against adding the same files directly, with peak
// memory beside the bundle's size (it must stay flat: the bundle is streamed, never loaded whole);
// and the progress view's data against the plain material list's, on one archive of 40 units and
// 8,000 materials. Both ratios are measured in the same run.
import fs from 'node:fs';
import path from 'node:path';
import { createContext, type CoreContext } from '../electron/core/context';
import { createDirectClient } from '../electron/core/directClient';
import { createHandlers } from '../electron/core/handlers';
import { makePhotos } from './importPhotos';
import { percentile, tempDir, timed, withPeakRss } from './util';

type Api = ReturnType<typeof createDirectClient>;

function open(dir: string): { ctx: CoreContext; api: Api } {
  const ctx = createContext({ archiveDir: dir, transport: 'direct' });
  return { ctx, api: createDirectClient(createHandlers(ctx)) };
}

async function leadDossier(api: Api) {
  const [template] = await api['systems.templates']({});
  const system = await api['systems.importTemplate']({ templateId: template.id });
  const dossier = await api['dossiers.create']({ name: 'bench', systemId: system.id });
  const indicators = await api['indicators.list']({ systemId: system.id });
  return { dossier, leaves: indicators.filter((i) => !indicators.some((c) => c.parentId === i.id)) };
}

async function benchReceive(count: number) {
  const work = tempDir('dossier-bench-bundles-');
  const inputs = path.join(work, 'inputs');
  fs.mkdirSync(inputs);
  const files = await makePhotos(inputs, count);
  const inputBytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);

  // Baseline: the same files added to an archive directly.
  const direct = open(path.join(work, 'direct'));
  const directDossier = await direct.api['dossiers.create']({ name: 'bench' });
  const added = await withPeakRss(() => timed(() => direct.api['materials.add']({ dossierId: directDossier.id, paths: files })));
  await direct.ctx.close();

  const lead = open(path.join(work, 'lead'));
  const { dossier, leaves } = await leadDossier(lead.api);
  await lead.api['units.assign']({ dossierId: dossier.id, codes: [leaves[0].code], unit: '党办' });
  const task = path.join(work, '党办.dossier-task');
  await lead.api['tasks.export']({ dossierId: dossier.id, unit: '党办', out: task });
  const unit = open(path.join(work, 'unit'));
  const unitDossier = (await unit.api['tasks.open']({ path: task })).dossierId;
  const unitLeaf = (await unit.api['indicators.list']({ systemId: (await unit.api['dossiers.list']({})).find((d) => d.id === unitDossier)!.systemId! })).find((i) => i.code === leaves[0].code)!;
  await unit.api['materials.add']({ dossierId: unitDossier, paths: files, indicatorIds: [unitLeaf.id] });
  const bundle = path.join(work, '党办.dossier-submit');
  const exported = await timed(() => unit.api['submissions.export']({ dossierId: unitDossier, out: bundle }));
  await unit.ctx.close();

  const received = await withPeakRss(() => timed(() => lead.api['submissions.import']({ path: bundle })));
  await lead.ctx.close();
  const mb = (bytes: number) => Math.round(bytes / 1024 ** 2);
  return {
    materials: count,
    bundleMb: mb(fs.statSync(bundle).size),
    inputMb: mb(inputBytes),
    exportMs: Math.round(exported.ms),
    addDirectlyMs: Math.round(added.value.ms),
    importBundleMs: Math.round(received.value.ms),
    importedMaterials: received.value.value.added.length,
    ratioVsAddingDirectly: Number((received.value.ms / added.value.ms).toFixed(2)),
    goalRatio: 1.5,
    peakRssAddDirectlyMb: added.peakMb,
    peakRssImportMb: received.peakMb,
  };
}

/** 40 units, each with its indicators, and 8,000 materials (half of them sent by units, reviewed). */
async function benchProgressView(units: number, materials: number) {
  const { ctx, api } = open(path.join(tempDir('dossier-bench-progress-'), 'archive'));
  try {
    const { dossier, leaves } = await leadDossier(api);
    for (let u = 0; u < units; u += 1) {
      const codes = leaves.filter((_, i) => i % units === u).map((l) => l.code);
      await api['units.assign']({ dossierId: dossier.id, codes: codes.length ? codes : [leaves[u % leaves.length].code], unit: `成员单位${u + 1}`, deadline: '2024-06-30' });
    }
    const { db } = ctx.archive;
    const now = new Date().toISOString();
    db.transaction(() => {
      const submission = db.prepare("INSERT INTO submission (dossier_id, unit, bundle_id, round, created_at, imported_at, file_name) VALUES (?, ?, ?, 1, ?, ?, 'bench.dossier-submit')");
      for (let u = 0; u < units; u += 1) submission.run(dossier.id, `成员单位${u + 1}`, String(u).padStart(32, '0'), now, now);
      const blob = db.prepare("INSERT INTO blob (sha256, size, media_type, created_at) VALUES (?, 1000, 'application/pdf', ?)");
      const material = db.prepare("INSERT INTO material (dossier_id, kind, sha256, original_name, title, date, created_at, updated_at) VALUES (?, 'document', ?, ?, ?, '20240301', ?, ?)");
      const link = db.prepare('INSERT INTO material_indicator (material_id, indicator_id, position) VALUES (?, ?, ?)');
      const provenance = db.prepare("INSERT INTO material_provenance (material_id, unit, remote_uuid, version, submission_id, submitted_at, applied_at) VALUES (?, ?, ?, 'v', ?, ?, ?)");
      const review = db.prepare('INSERT INTO material_review (material_id, state, comment, at) VALUES (?, ?, \'\', ?)');
      for (let i = 0; i < materials; i += 1) {
        const sha = i.toString(16).padStart(64, '0');
        blob.run(sha, now);
        const id = Number(material.run(dossier.id, sha, `材料${i}.pdf`, `第${i}号材料`, now, now).lastInsertRowid);
        link.run(id, leaves[i % leaves.length].id, i);
        if (i % 2 === 0) {
          const u = (i / 2) % units;
          provenance.run(id, `成员单位${u + 1}`, i.toString(16).padStart(32, '0'), u + 1, now, now);
          review.run(id, ['pending', 'passed', 'returned'][i % 3], now);
        }
      }
    })();
    const runs = (body: () => Promise<unknown>) => async () => {
      const ms: number[] = [];
      for (let k = 0; k < 7; k += 1) ms.push((await timed(body)).ms);
      return percentile(ms, 50);
    };
    // What each screen asks for when it opens: the progress panel its figures and kept reports; the list every material.
    const list = await runs(() => api['materials.list']({ dossierId: dossier.id }))();
    const progress = await runs(async () => {
      await api['progress.get']({ dossierId: dossier.id });
      await api['progress.history']({ dossierId: dossier.id });
    })();
    return {
      units,
      materials,
      materialListMs: Math.round(list),
      progressViewMs: Math.round(progress),
      ratioVsMaterialList: Number((progress / list).toFixed(2)),
      goalRatio: 1.5,
    };
  } finally {
    await ctx.close();
  }
}

export async function benchBundles(count: number) {
  return {
    bench: '成员单位报送: 报送包 import vs adding the same files; progress view data vs the material list (core calls, median of 7)',
    receive: await benchReceive(count),
    progressView: await benchProgressView(40, 8000),
  };
}
