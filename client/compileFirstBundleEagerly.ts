import type { Plugin } from 'vite';
import { firstBundle } from './bundleGraph.js';

/** V8's explicit compile hint (Chromium 136+): compile every function of the file as it streams in. */
export const COMPILE_ALL_HINT = '//# allFunctionsCalledOnLoad\n';

/**
 * Marks the first bundle's chunks (the entry and what it imports statically) for eager compilation. V8
 * compiles a script's top level as it downloads, off the main thread, but each function only when first
 * called, on the main thread: the first bundle runs much of React, zod and Yjs as it evaluates, and that
 * evaluation was a board load's one task left over 200 ms at 1× (179–337 ms in twelve untraced loads; 117–195
 * with the hint), for 0.85 MB more heap (bytecode of functions that never run). The lazy chunks (tldraw,
 * KaTeX, MathLive) keep V8's default: much of them never runs. The comment changes no behaviour, so browsers
 * without the hint, and a copy cached before it, are unaffected.
 */
export function compileFirstBundleEagerly(): Plugin {
  return {
    name: 'conjecture:compile-first-bundle-eagerly',
    apply: 'build',
    // After Vite's own, which puts the dynamic imports' dependency list at the top of the entry.
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const first = firstBundle(bundle);
        if (first.size === 0) throw new Error('compileFirstBundleEagerly: no entry chunk');
        for (const fileName of first) {
          const chunk = bundle[fileName];
          if (chunk?.type === 'chunk' && !chunk.code.startsWith(COMPILE_ALL_HINT))
            chunk.code = COMPILE_ALL_HINT + chunk.code;
        }
      },
    },
  };
}
