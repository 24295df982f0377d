// The packet build of bench/packets.ts, run in a process of its own so that its peak memory is
// the export's, not the fixture generator's. Prints one JSON line.
import path from 'node:path';
import { exportOptionsSchema, packetDefinitionSchema } from '../shared/api/packets';
import { createContext } from '../electron/core/context';
import { buildPacketPdf } from '../electron/core/packets/pdf/packetPdf';
import { buildPlan } from '../electron/core/packets/plan';
import { splitVolumes } from '../electron/core/packets/volumes';
import { createChromiumRenderer } from '../electron/core/render/chromiumRenderer';

const [archiveDir, dossierId, outDir] = process.argv.slice(2);
const ctx = createContext({ archiveDir, transport: 'direct', createRenderer: createChromiumRenderer });
// Split as the exporter does, at the default volume size; one volume in memory at a time.
const plan = buildPlan(ctx.archive, Number(dossierId), packetDefinitionSchema.parse({}));
const volumes = splitVolumes(plan, exportOptionsSchema.parse({ dossierId: 1, outDir: '/' }).volumeMb * 1024 * 1024);
const { renderer } = await ctx.renderer();
const total = { volumes: volumes.length, pageCount: 0, bytes: 0, inputBytes: 0, ms: 0, maxRssMb: 0 };
const start = performance.now();
for (const [i, volume] of volumes.entries()) {
  const built = await buildPacketPdf({
    plan: volume,
    archive: ctx.archive,
    renderer,
    locate: () => null,
    signal: new AbortController().signal,
    volume: { index: i + 1, count: volumes.length },
    progress: () => undefined,
  });
  total.bytes += await built.writeTo(path.join(outDir, `packet-${i + 1}.pdf`));
  total.pageCount += built.pageCount;
  total.inputBytes += built.inputBytes;
}
total.ms = performance.now() - start;
// Peak resident set of this whole process, as the OS counted it.
total.maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
await ctx.close();
console.log(JSON.stringify(total));
