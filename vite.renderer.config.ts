import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vite';

// Browser-mode build of the renderer (npm run web, E2E), into renderer/dist. The desktop build
// is electron.vite.config.ts. Kept outside renderer/, whose code may import only shared/.
const root = path.join(import.meta.dirname, 'renderer');

/**
 * Everything the first screen needs statically in one chunk: split by the bundler into two
 * dozen shared pieces, they came over HTTP/1.1's six connections in four waves. Dialogs and
 * views loaded later stay in chunks of their own and import from this one.
 */
export const startChunk = { codeSplitting: { groups: [{ name: 'start', tags: ['$initial' as const] }] } };

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: { outDir: path.join(root, 'dist'), emptyOutDir: true, chunkSizeWarningLimit: 4000, rolldownOptions: { output: startChunk } },
});
