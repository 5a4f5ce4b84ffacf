import { cpSync, createReadStream, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import type { Plugin } from 'vite';

/** Where the browser finds MathLive's fonts and sounds: our own origin, never a CDN. */
export const MATHLIVE_ASSETS_PATH = '/mathlive';

/**
 * MathLive loads its fonts (and the virtual keyboard's sounds) at run time from a directory URL, by their
 * original file names. Vite would hash and scatter them, so this plugin copies both folders unchanged into
 * the build (`dist/mathlive/fonts`, `dist/mathlive/sounds`) and serves them from node_modules in dev.
 */
export function selfHostMathlive(): Plugin {
  // The package's folder (its `exports` do not list package.json; its main module sits at the top).
  const root = dirname(createRequire(import.meta.url).resolve('mathlive'));
  let outDir = 'dist';
  return {
    name: 'conjecture:self-host-mathlive',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    configureServer(server) {
      server.middlewares.use(MATHLIVE_ASSETS_PATH, (req, res, next) => {
        const file = normalize(join(root, (req.url ?? '').split('?')[0] ?? ''));
        if (!file.startsWith(root) || !existsSync(file)) return next();
        createReadStream(file).pipe(res);
      });
    },
    writeBundle() {
      for (const folder of ['fonts', 'sounds'])
        cpSync(join(root, folder), join(outDir, MATHLIVE_ASSETS_PATH, folder), { recursive: true });
    },
  };
}
