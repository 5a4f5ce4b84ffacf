import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { Plugin } from 'vite';

const SOURCE = fileURLToPath(new URL('./src/offline/serviceWorker.ts', import.meta.url));
/**
 * Kept at install (about 6 MB): the code, styles, icons and the fonts Chromium uses. Not tldraw's 51
 * translations (1.6 MB; the one a page loads is kept as it is fetched) nor the older font formats.
 */
const KEPT = /^assets\/.+\.(js|css|woff2|svg)$/;

/**
 * Emits `/sw.js` (src/offline/serviceWorker.ts) with the list of every file of this build to keep, and a
 * version that changes with them. Built apart from the app's bundle: a worker has its own global scope and
 * must not be an entry of the page's module graph (the first-bundle plugins read every entry as the page's).
 * The source imports nothing, so stripping its types is the whole build.
 */
export function serviceWorkerBuild(): Plugin {
  return {
    name: 'conjecture:service-worker',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((name) => KEPT.test(name))
        .sort()
        .map((name) => `/${name}`);
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16);
      const code = ts.transpileModule(readFileSync(SOURCE, 'utf8'), {
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
      }).outputText;
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: `const PRECACHE = ${JSON.stringify(files)};\nconst VERSION = ${JSON.stringify(version)};\n${code}`,
      });
    },
  };
}
