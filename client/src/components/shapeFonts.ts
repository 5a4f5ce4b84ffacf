import { useEffect, useState } from 'react';
import { DefaultFontFaces, type TLStore } from 'tldraw';
import { assetUrls } from './tldrawSetup.js';

/** However slow the network, a board waits no longer than this for its fonts (tldraw then loads them). */
const FONT_WAIT_MS = 3_000;

type FontKey = keyof typeof DefaultFontFaces;
const loading = new Map<FontKey, Promise<unknown>>();

/** A record as far as its font goes: a shape's text has `props.font`. */
interface WithProps {
  typeName?: unknown;
  props?: unknown;
}

/** The records whose fonts a view waits for: a store's (a live board) or a list's (a snapshot). */
export type FontSource = TLStore | readonly WithProps[];

/** The font of each shape's text (`props.font`: draw, sans, serif, mono), as tldraw's font keys. */
export function fontKeysOf(shapes: Iterable<WithProps>): FontKey[] {
  const keys = new Set<FontKey>();
  for (const shape of shapes) {
    const font = (shape.props as { font?: unknown } | undefined)?.font;
    const key = `tldraw_${String(font)}` as FontKey;
    if (typeof font === 'string' && key in DefaultFontFaces) keys.add(key);
  }
  return [...keys].sort();
}

/**
 * Loads, before the editor exists, the regular face of every font the store's shapes use. tldraw's editor
 * measures every label on its page as it is constructed (its select tool works out the hovered shape, which
 * builds the spatial index from every shape's geometry), before it loads any font: those labels were
 * measured in a fallback font and kept those sizes (geo and note label sizes are cached per record). With
 * the faces loaded first, the same measurements use the real font. A face that fails to load, or is slow,
 * is left to tldraw as before.
 */
export function loadShapeFonts(source: FontSource): Promise<void> {
  const shapes = isRecordList(source)
    ? source.filter((record) => record.typeName === 'shape')
    : source.query.records('shape').get();
  const loads = fontKeysOf(shapes).map((key) => {
    let load = loading.get(key);
    if (!load) {
      const face = DefaultFontFaces[key].normal.normal;
      const url = (assetUrls.fonts as Record<string, string | undefined>)[face.src.url];
      if (!url) return Promise.resolve();
      const fontFace = new FontFace(face.family, `url(${url}) format('${face.src.format ?? 'woff2'}')`, {
        weight: face.weight,
        style: face.style ?? 'normal',
      });
      document.fonts.add(fontFace);
      load = fontFace.load().catch(() => loading.delete(key));
      loading.set(key, load);
    }
    return load;
  });
  if (loads.length === 0) return Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, FONT_WAIT_MS)));
  return Promise.race([Promise.all(loads).then(() => undefined), waited]).finally(() => clearTimeout(timer));
}

const isRecordList = (source: FontSource): source is readonly WithProps[] => Array.isArray(source);

/**
 * Whether the fonts of the shapes in `source` (a store, or the records an editor will be given) have loaded,
 * or been waited for long enough: mount the editor then.
 */
export function useShapeFontsLoaded(source: FontSource | null): boolean {
  const [loadedFor, setLoadedFor] = useState<FontSource | null>(null);
  useEffect(() => {
    if (!source) return;
    let live = true;
    void loadShapeFonts(source).then(() => live && setLoadedFor(source));
    return () => {
      live = false;
    };
  }, [source]);
  return source !== null && loadedFor === source;
}
