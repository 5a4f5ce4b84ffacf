import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const sharedSrc = fileURLToPath(new URL('../shared/src/', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^@conjecture\/shared$/, replacement: `${sharedSrc}index.ts` },
      { find: /^@conjecture\/shared\/(.*)$/, replacement: `${sharedSrc}$1` },
    ],
  },
  // @tldraw/assets' import map must not be pre-bundled, or its asset URLs break.
  optimizeDeps: { exclude: ['@tldraw/assets'] },
  // tldraw alone is ~1.9 MB minified (580 kB gzip); it is split into the board page's lazy chunk.
  build: { chunkSizeWarningLimit: 2_500 },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'http://localhost:3000', ws: true },
      '/yjs': { target: 'ws://localhost:3000', ws: true },
    },
  },
});
