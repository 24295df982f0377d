// The speed bench's baseline: a page with only React, antd's ConfigProvider (zh_CN, set up as
// the app sets it up: zero-runtime theme and antd's stylesheet) and one Table of 20 rows, built
// with Vite the way the renderer is and served by the same loopback bridge. The main screen's
// first paint is compared with this page's.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { repoRoot } from '../tests/e2e/server';

const page = `<!doctype html>
<html lang="zh-CN">
  <head><meta charset="UTF-8" /><title>baseline</title>
    <style>html, body, #root { margin: 0; height: 100%; } body { background: #f5f6f8; }</style>
  </head>
  <body><div id="root"></div><script type="module" src="./main.js"></script></body>
</html>
`;

// Plain JS with createElement: no JSX step, so nothing but Vite's own bundling differs.
const main = `import { ConfigProvider, Table } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import 'antd/dist/antd.css';
import { createElement as h, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const rows = Array.from({ length: 20 }, (_, i) => ({ key: i, title: '第' + i + '号材料', date: '2023-06-15', pages: 1 }));
const columns = [
  { title: '题名', dataIndex: 'title', render: (t) => h('div', { 'data-testid': 'material-title', elementtiming: 'material-title' }, t) },
  { title: '日期', dataIndex: 'date', width: 120 },
  { title: '页数', dataIndex: 'pages', width: 80 },
];
createRoot(document.getElementById('root')).render(
  h(StrictMode, null,
    h(ConfigProvider, { locale: zhCN, theme: { zeroRuntime: true } },
      h(Table, { dataSource: rows, columns, pagination: false, size: 'small', footer: () => h('div', { elementtiming: 'material-count' }, '共 20 份材料') }))),
);
`;

/** Build the baseline page into `outDir` (its source lives under node_modules so that imports resolve). */
export async function buildBaselinePage(outDir: string): Promise<void> {
  const src = path.join(repoRoot, 'node_modules', '.dossier-bench-baseline');
  fs.rmSync(src, { recursive: true, force: true });
  fs.mkdirSync(src, { recursive: true });
  fs.writeFileSync(path.join(src, 'index.html'), page);
  fs.writeFileSync(path.join(src, 'main.js'), main);
  try {
    await build({ root: src, base: './', configFile: false, logLevel: 'error', build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4000 } });
  } finally {
    fs.rmSync(src, { recursive: true, force: true });
  }
}
