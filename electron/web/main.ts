// `npm run web`: browser mode. Serves the built renderer and the core over loopback HTTP.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultArchiveDir } from '../core/archive/defaultLocation';
import { startAutoBackup } from '../core/backup/autoBackup';
import { createContext } from '../core/context';
import { describeOpenStatus } from '../core/integrity/openStatus';
import { createHandlers } from '../core/handlers';
import { createChromiumRenderer } from '../core/render/chromiumRenderer';
import { findResourcesDir } from '../core/resourcesDir';
import { startHttpBridge } from './httpBridge';

const { values } = parseArgs({
  options: {
    archive: { type: 'string' },
    port: { type: 'string', default: '5199' },
    host: { type: 'string', default: '127.0.0.1' },
    'backup-dir': { type: 'string' },
    'backup-minutes': { type: 'string' },
    'backup-keep': { type: 'string' },
  },
});

const archiveDir = values.archive ? path.resolve(values.archive) : defaultArchiveDir();
const ctx = createContext({ archiveDir, transport: 'http', createRenderer: createChromiumRenderer });
const bridge = await startHttpBridge({
  handlers: createHandlers(ctx),
  archive: ctx.archive,
  staticDir: path.join(path.dirname(findResourcesDir()), 'renderer', 'dist'),
  host: values.host,
  port: Number(values.port),
});

if (values.host !== '127.0.0.1' && values.host !== 'localhost') {
  console.warn(`注意：浏览器模式监听在 ${values.host}，同一网络中的其他电脑也可能访问（仍需令牌）。`);
}
console.log(`Dossier 浏览器模式已启动。档案库：${archiveDir}`);
console.log(`请在浏览器中打开：${bridge.url}`);
console.log('（这个地址只用于打开页面，打开后地址栏不再显示令牌；关闭浏览器后请重新用这个地址打开。）');

const backups = startAutoBackup(ctx.archive, {
  dir: values['backup-dir'] ? path.resolve(values['backup-dir']) : undefined,
  intervalMs: values['backup-minutes'] ? Number(values['backup-minutes']) * 60_000 : undefined,
  keep: values['backup-keep'] ? Number(values['backup-keep']) : undefined,
});
console.log(`自动备份位置：${backups.dir}`);
for (const line of await describeOpenStatus(ctx.archive)) console.log(line);

const shutdown = async () => {
  await bridge.close();
  await backups.stop(true); // the on-exit backup, before the database closes
  await ctx.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
