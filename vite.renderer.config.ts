import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vite';

// Browser-mode build of the renderer (npm run web, E2E), into renderer/dist. The desktop build
// is electron.vite.config.ts. Kept outside renderer/, whose code may import only shared/.
const root = path.join(import.meta.dirname, 'renderer');

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: { outDir: path.join(root, 'dist'), emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
