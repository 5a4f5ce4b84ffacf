import { describe, expect, it } from 'vitest';
import type { IndexHtmlTransformContext, Plugin, Rolldown } from 'vite';
import { preloadBoardEditor } from '../preloadBoardEditor.js';

type Bundle = Rolldown.OutputBundle;
const chunk = (fileName: string, imports: string[], extra: object = {}) =>
  ({ type: 'chunk', fileName, imports, isEntry: false, facadeModuleId: null, ...extra }) as never;
const asset = (fileName: string, name: string) => ({ type: 'asset', fileName, names: [name] }) as never;

/** A bundle shaped like ours: the entry and the lazy editor share a chunk; tldraw sits behind the editor. */
const bundle = (): Bundle => ({
  'index.js': chunk('index.js', ['react.js'], { isEntry: true }),
  'react.js': chunk('react.js', []),
  'BoardEditor.js': chunk('BoardEditor.js', ['tldraw.js', 'react.js'], {
    facadeModuleId: '/repo/client/src/components/BoardEditor.tsx',
    viteMetadata: { importedCss: new Set(['BoardEditor.css']) },
  }),
  'tldraw.js': chunk('tldraw.js', ['react.js'], { viteMetadata: { importedCss: new Set(['tldraw.css']) } }),
  'font.woff2': asset('font.woff2', 'Shantell_Sans-Informal_Regular.woff2'),
});

function transform(files: Bundle) {
  const plugin = preloadBoardEditor() as Plugin & {
    configResolved: (config: { base: string }) => void;
    transformIndexHtml: { handler: (html: string, ctx: Partial<IndexHtmlTransformContext>) => unknown };
  };
  plugin.configResolved({ base: '/' });
  const html =
    '<head>\n<meta charset="UTF-8" />\n<script type="module" src="/index.js"></script>\n<link rel="stylesheet" href="/index.css">\n</head>';
  return plugin.transformIndexHtml.handler(html, { bundle: files }) as string;
}

/** The inline script the plugin wrote, which must sit between the entry and the stylesheets. */
const scriptOf = (html: string) =>
  /<\/script>\n {4}<script>(.*)<\/script>\n<link rel="stylesheet"/.exec(html)?.[1];

describe('the board pages’ preload links', () => {
  it('fetch the editor’s chunks, their styles and tldraw’s first font, not what the entry already loads', () => {
    const script = scriptOf(transform(bundle()));
    const links = JSON.parse(/of (\[.*\])\)/.exec(script ?? '')?.[1] ?? '[]') as Array<{
      rel: string;
      href: string;
      as?: string;
    }>;
    // Chunks as module preloads (compiled off the main thread as they arrive), the rest downloaded only.
    expect(links.map((l) => `${l.rel} ${l.as ?? '-'} ${l.href}`).sort()).toEqual([
      'modulepreload - /BoardEditor.js',
      'modulepreload - /tldraw.js',
      'preload font /font.woff2',
      'preload style /BoardEditor.css',
      'preload style /tldraw.css',
    ]);
    expect(script).toContain('/^\\/(class|b)\\//.test(location.pathname)');
  });

  it('fails the build when the editor chunk or the font is not found, rather than preload nothing', () => {
    const files = bundle();
    delete files['font.woff2'];
    expect(() => transform(files)).toThrow(/font/);
    delete files['BoardEditor.js'];
    expect(() => transform(files)).toThrow(/BoardEditor/);
  });
});
