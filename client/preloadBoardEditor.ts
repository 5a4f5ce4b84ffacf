import type { Plugin, Rolldown } from 'vite';
import { insertScriptBeforeStylesheets } from './htmlHead.js';
import { firstBundle, staticChunks } from './bundleGraph.js';

type OutputChunk = Rolldown.OutputChunk;

/** The lazy module a board page waits for: the editor, with tldraw behind it. */
const BOARD_EDITOR_MODULE = '/src/components/BoardEditor.tsx';
/** The one font tldraw loads before it mounts an editor (the draw style's regular face). */
const FIRST_FONT = /^Shantell_Sans-Informal_Regular\.woff2$/;
/** Pages that open an editable board at once: a student's class page and a board outside a class. */
const BOARD_PAGES = /^\/(class|b)\//;

/**
 * Board pages start downloading the board editor's chunks and tldraw's first font as the HTML is parsed,
 * instead of once the first bundle has run and the page has rendered. The chunks as `modulepreload`: Chromium
 * then parses and compiles them on a background thread as they stream in. A plain `preload` only downloads,
 * and the dynamic import later compiled tldraw's 1.5 MB chunk on the main thread (58 ms at 1× in a 200-shape
 * load's trace, all main-thread module compiling 88 → 10 ms with this). The page's first requests (who the
 * student is, the class) no longer wait on the first bundle either way: the inline early-request script
 * sends them. The editor stays a lazy chunk, so the other pages (join, new class, the teacher's dashboard,
 * the projector) neither fetch nor compile tldraw; only the links differ per page, so a small inline script
 * adds them by path, after the first bundle's links and before the stylesheets (which would hold it back
 * until loaded).
 */
export function preloadBoardEditor(): Plugin {
  let base = '/';
  return {
    name: 'conjecture:preload-board-editor',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const editor = Object.values(bundle).find(
          (file): file is OutputChunk =>
            file.type === 'chunk' && (file.facadeModuleId?.endsWith(BOARD_EDITOR_MODULE) ?? false),
        );
        if (!editor) throw new Error(`preloadBoardEditor: no chunk for ${BOARD_EDITOR_MODULE}`);
        const font = Object.values(bundle).find(
          (file) => file.type === 'asset' && file.names.some((name) => FIRST_FONT.test(name)),
        );
        if (!font) throw new Error('preloadBoardEditor: tldraw’s first font is not in the bundle');
        // What the entry's own links already fetch is left out.
        const first = firstBundle(bundle);
        const chunks = staticChunks(bundle, editor).filter((file) => !first.has(file));
        const styles = chunks.flatMap((file) => {
          const chunk = bundle[file] as OutputChunk & { viteMetadata?: { importedCss: Set<string> } };
          return [...(chunk.viteMetadata?.importedCss ?? [])];
        });
        const links = [
          ...chunks.map((file) => ({ rel: 'modulepreload', href: base + file })),
          ...styles.map((file) => ({ rel: 'preload', href: base + file, as: 'style' })),
          { rel: 'preload', href: base + font.fileName, as: 'font', type: 'font/woff2' },
        ];
        return insertScriptBeforeStylesheets(
          html,
          `if (${BOARD_PAGES}.test(location.pathname)) for (const a of ${JSON.stringify(links)}) { const l = document.createElement('link'); Object.assign(l, a); l.crossOrigin = 'anonymous'; document.head.appendChild(l); }`,
          'preloadBoardEditor',
        );
      },
    },
  };
}
