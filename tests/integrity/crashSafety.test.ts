// Point 1: an import killed at any moment (SIGKILL, as a power cut looks to the process) leaves
// the archive consistent, and re-running the same import completes it without duplicates.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { openTestArchive, repoRoot, tempDir } from '../helpers/tempArchive';
import { bin, dossier, inspectArchive } from './helpers';

const KILLS = 22;

async function makeInputs(dir: string): Promise<number> {
  let n = 0;
  for (let i = 0; i < 14; i += 1) {
    const noise = randomBytes(320 * 240 * 3);
    await sharp(noise, { raw: { width: 320, height: 240, channels: 3 } }).png().toFile(path.join(dir, `活动照片${i}.png`));
    n += 1;
  }
  for (let i = 0; i < 14; i += 1) {
    // A few MB each, so a kill often lands while the file streams into tmp/.
    const lines = Array.from({ length: 8_000 + i * 1500 }, () => randomBytes(48).toString('base64')).join('\n');
    fs.writeFileSync(path.join(dir, `工作记录${i}.txt`), lines);
    n += 1;
  }
  for (let i = 0; i < 12; i += 1) {
    const pdf = await PDFDocument.create();
    for (let p = 0; p <= i % 4; p += 1) pdf.addPage().drawText(`plan ${i} page ${p} ${randomBytes(8).toString('hex')}`);
    fs.writeFileSync(path.join(dir, `实施方案${i}.pdf`), await pdf.save());
    n += 1;
  }
  return n;
}

/** Start `dossier add`, wait until it is importing (a file in tmp/), then SIGKILL after a random delay. */
function addAndKill(archive: string, inputs: string, maxDelayMs: number): Promise<'killed' | 'finished'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'add', inputs, '--archive', archive], { cwd: repoRoot, stdio: 'ignore' });
    let timer: NodeJS.Timeout | null = null;
    const tmp = path.join(archive, 'tmp');
    const started = Date.now();
    const poll = setInterval(() => {
      let busy = false;
      try {
        // A file inside a session's temp area other than its lease: an import is streaming.
        busy = (fs.readdirSync(tmp, { recursive: true }) as string[]).some((e) => e.includes(path.sep) && !e.endsWith('session.json'));
      } catch {
        busy = false;
      }
      // Importing, or (a tiny run) long past startup: arm the kill.
      if (!timer && (busy || Date.now() - started > 8000)) {
        clearInterval(poll);
        timer = setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * maxDelayMs));
      }
    }, 5);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearInterval(poll);
      if (timer) clearTimeout(timer);
      resolve(signal === 'SIGKILL' ? 'killed' : 'finished');
    });
  });
}

describe('crash safety', () => {
  it(`survives ${KILLS} SIGKILLs during \`dossier add\` and completes on re-run without duplicates`, async () => {
    const archive = tempDir('dossier-crash-');
    const inputs = tempDir('dossier-crash-in-');
    const fileCount = await makeInputs(inputs);
    const setup = openTestArchive(archive);
    await setup.api['dossiers.create']({ name: '崩溃测试档案', unit: '示例单位' });
    await setup.close();

    let kills = 0;
    let attempts = 0;
    let orphansSeen = 0;
    let filesChecked = 0;
    let tmpCleared = 0;
    while (kills < KILLS && attempts < KILLS * 3) {
      attempts += 1;
      const outcome = await addAndKill(archive, inputs, 1200);
      if (outcome === 'killed') kills += 1;
      const state = await inspectArchive(archive);
      filesChecked += state.filesOnDisk;
      orphansSeen += state.orphans;
      tmpCleared += state.tmpEntriesCleared;
      expect(state.broken, `after attempt ${attempts}`).toEqual([]);
      expect(state.tmpEntriesAfterOpen).toBe(0);
      expect(state.duplicateMaterials).toBe(0);
      expect(state.integrityCheck).toBe('ok');
      expect(state.filesOnDisk).toBe(state.blobs + state.orphans);
      expect(state.materials).toBeLessThanOrEqual(fileCount);
    }
    expect(kills).toBeGreaterThanOrEqual(KILLS);
    expect(tmpCleared).toBeGreaterThan(0); // kills landed mid-stream, and opening cleared what they left

    const finish = await dossier('add', inputs, '--archive', archive, '--json');
    expect(finish.code, finish.stderr).toBe(0);
    const final = await inspectArchive(archive);
    expect(final).toMatchObject({ materials: fileCount, blobs: fileCount, filesOnDisk: fileCount, orphans: 0, duplicateMaterials: 0, broken: [] });

    const verify = await dossier('verify', '--archive', archive, '--json');
    expect(verify.code, verify.stderr).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, filesChecked: fileCount, problems: [] });
    console.log(`crash safety: ${kills} kills survived in ${attempts} runs; ${filesChecked} stored files re-hashed; ${tmpCleared} partial temp files cleared at open; ${orphansSeen} orphan sightings adopted on re-run`);
  }, 600_000);
});
