import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import path from 'node:path';
import { startChunk } from './vite.renderer.config';

// Desktop build: main and preload (Node side) and the renderer. Browser mode builds the same
// renderer with vite.renderer.config.ts.
export default defineConfig({
  main: {
    build: {
      lib: { entry: 'electron/main/index.ts' },
      rollupOptions: { external: ['better-sqlite3', 'sharp', 'playwright-core'] },
    },
  },
  preload: {
    // Sandboxed preloads cannot require npm packages at run time: bundle zod in, emit CommonJS.
    build: {
      lib: { entry: 'electron/preload/index.ts', formats: ['cjs'], fileName: () => 'index.cjs' },
      externalizeDeps: { exclude: ['zod'] },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    // Minified like the browser build: the window's start parses every byte of the first chunks.
    build: { minify: true, chunkSizeWarningLimit: 4000, rollupOptions: { input: path.resolve('renderer/index.html'), output: startChunk } },
  },
});
