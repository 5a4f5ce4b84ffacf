import type { Plugin } from 'vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Our `@tiptap/core`: tiptap's, with `generateHTML`, `generateJSON` and `generateText` on a cached schema. */
export const TIPTAP_CORE_SHIM = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'src/richText/tiptapCore.ts',
);

/**
 * Every import of `@tiptap/core` (tldraw's included) gets our shim, which re-exports tiptap's module; the
 * shim's own import gets the real one. A plugin rather than an alias because of that one exception. Used by
 * the build and by the dependency pre-bundling of `vite dev` (tldraw is pre-bundled there), so both run the
 * same code. Not a patch of tiptap in node_modules: the benchmark's stock tldraw page is built from the same
 * packages and must stay stock.
 */
export function cacheTiptapSchema(): Plugin {
  return {
    name: 'conjecture:cache-tiptap-schema',
    enforce: 'pre',
    resolveId: resolveTiptapCore,
  };
}

export function resolveTiptapCore(source: string, importer: string | undefined): string | null {
  return source === '@tiptap/core' && importer !== TIPTAP_CORE_SHIM ? TIPTAP_CORE_SHIM : null;
}
