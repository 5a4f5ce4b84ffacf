import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { selfHostMathlive } from './selfHostMathlive.js';
import { preloadBoardEditor } from './preloadBoardEditor.js';
import { inlineEarlyRequests } from './inlineEarlyRequests.js';
import { cacheTiptapSchema } from './cacheTiptapSchema.js';
import { compileFirstBundleEagerly } from './compileFirstBundleEagerly.js';
import { serviceWorkerBuild } from './serviceWorkerBuild.js';

const sharedSrc = fileURLToPath(new URL('../shared/src/', import.meta.url));
// `pnpm --filter @conjecture/client dev` proxies to a running server (`pnpm start`), on another port if set.
const serverUrl = process.env.CONJECTURE_SERVER_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [
    react(),
    cacheTiptapSchema(),
    selfHostMathlive(),
    inlineEarlyRequests(),
    preloadBoardEditor(),
    compileFirstBundleEagerly(),
    serviceWorkerBuild(),
  ],
  resolve: {
    alias: [
      { find: /^@conjecture\/shared$/, replacement: `${sharedSrc}index.ts` },
      { find: /^@conjecture\/shared\/(.*)$/, replacement: `${sharedSrc}$1` },
    ],
  },
  // @tldraw/assets' import map must not be pre-bundled, or its asset URLs break.
  // tldraw is pre-bundled in `vite dev`: its import of @tiptap/core gets our cached-schema module there too.
  optimizeDeps: { exclude: ['@tldraw/assets'], rolldownOptions: { plugins: [cacheTiptapSchema()] } },
  // tldraw alone is ~1.9 MB minified (580 kB gzip); it is split into the board page's lazy chunk.
  build: { chunkSizeWarningLimit: 2_500 },
  server: {
    proxy: {
      '/api': serverUrl,
      '/socket.io': { target: serverUrl, ws: true },
      '/yjs': { target: serverUrl.replace(/^http/, 'ws'), ws: true },
    },
  },
});
