import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

// Browser-mode build of the renderer (npm run web, E2E). The desktop build is electron.vite.config.ts.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: { outDir: path.join(root, 'dist'), emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
