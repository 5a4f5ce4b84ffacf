import { describe, expect, it } from 'vitest';
import type { Plugin, Rolldown } from 'vite';
import { COMPILE_ALL_HINT, compileFirstBundleEagerly } from '../compileFirstBundleEagerly.js';

type Bundle = Rolldown.OutputBundle;
const chunk = (fileName: string, imports: string[], isEntry = false) =>
  ({ type: 'chunk', fileName, imports, isEntry, code: `/* ${fileName} */` }) as never;

/** Shaped like ours: the entry and its static imports; tldraw behind a dynamic import, sharing React. */
const bundle = (): Bundle => ({
  'index.js': chunk('index.js', ['react.js', 'zod.js'], true),
  'react.js': chunk('react.js', []),
  'zod.js': chunk('zod.js', ['runtime.js']),
  'runtime.js': chunk('runtime.js', []),
  'BoardEditor.js': chunk('BoardEditor.js', ['tldraw.js', 'react.js']),
  'tldraw.js': chunk('tldraw.js', ['runtime.js']),
  'font.woff2': { type: 'asset', fileName: 'font.woff2', names: ['font.woff2'], source: '' } as never,
});

function generate(files: Bundle): Record<string, string> {
  const plugin = compileFirstBundleEagerly() as Plugin & {
    generateBundle: { handler: (options: unknown, bundle: Bundle) => void };
  };
  plugin.generateBundle.handler({}, files);
  return Object.fromEntries(
    Object.values(files).flatMap((file) => (file.type === 'chunk' ? [[file.fileName, file.code]] : [])),
  );
}

describe('the first bundle’s compile hint', () => {
  it('heads the entry and every chunk it imports statically, and no lazy chunk', () => {
    const code = generate(bundle());
    const hinted = Object.keys(code).filter((file) => code[file]?.startsWith(COMPILE_ALL_HINT));
    expect(hinted.sort()).toEqual(['index.js', 'react.js', 'runtime.js', 'zod.js']);
    expect(code['index.js']).toBe(`${COMPILE_ALL_HINT}/* index.js */`);
  });

  it('is written once, and fails the build when there is no entry rather than hint nothing', () => {
    const files = bundle();
    generate(files);
    expect(generate(files)['zod.js']).toBe(`${COMPILE_ALL_HINT}/* zod.js */`);
    const noEntry = bundle();
    delete noEntry['index.js'];
    expect(() => generate(noEntry)).toThrow(/no entry/);
  });
});
