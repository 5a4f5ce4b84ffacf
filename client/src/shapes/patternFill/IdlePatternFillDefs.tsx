import { useEffect, useRef, useState } from 'react';
import {
  suffixSafeId,
  tlenv,
  useColorMode,
  useEditor,
  useSharedSafeId,
  useValue,
  type TLShapeUtilCanvasSvgDef,
} from 'tldraw';
import { patternTileUrl } from './drawPatternTile.js';
import { lodForZoom, PLACEHOLDER, TILE_SIZE, tileOrder, topLod, type ColorMode } from './patternTiles.js';
import { whenIdle } from './whenIdle.js';

const MODES: readonly ColorMode[] = ['light', 'dark'];
const tileKey = (mode: ColorMode, lod: number) => `${mode}_${lod}`;

/**
 * The canvas's pattern-fill definitions, under the ids tldraw's shapes point at (`hash_pattern_<mode>_<lod>`),
 * with every tile drawn in an idle moment of its own rather than all of them in the canvas's first commit.
 * Until its tile is drawn a pattern shows tldraw's own placeholder colour, as stock tldraw's does until its
 * tiles are ready.
 */
export function IdlePatternFillDefs() {
  const editor = useEditor();
  const pixelRatio = useValue('pattern pixel ratio', () => editor.getInstanceState().devicePixelRatio, [
    editor,
  ]);
  const top = useValue('pattern top level', () => topLod(editor.getCameraOptions().zoomSteps), [editor]);
  const solids = useValue(
    'pattern colours',
    () => {
      const { colors } = editor.getCurrentTheme();
      return { light: colors.light.solid, dark: colors.dark.solid };
    },
    [editor],
  );
  const mode = useColorMode();
  const idBase = useSharedSafeId('hash_pattern');
  const [urls, setUrls] = useState<ReadonlyMap<string, string>>(() => new Map());
  const group = useRef<SVGGElement>(null);

  useEffect(() => {
    const order = tileOrder(top, lodForZoom(editor.getEfficientZoomLevel()), mode);
    let cancelWait = () => {};
    let stopped = false;
    const drawNext = (index: number) => {
      const tile = order[index];
      if (!tile) {
        if (tlenv.isSafari) repaintHtmlLayer(editor, group.current);
        return;
      }
      patternTileUrl(2 ** tile.lod, pixelRatio, solids[tile.mode]).then(
        (url) => {
          if (stopped) return;
          setUrls((before) => new Map(before).set(tileKey(tile.mode, tile.lod), url));
          cancelWait = whenIdle(() => drawNext(index + 1));
        },
        () => {
          // No canvas (or no encoder): the placeholder colour stays, as it would in stock tldraw.
        },
      );
    };
    cancelWait = whenIdle(() => drawNext(0));
    return () => {
      stopped = true;
      cancelWait();
    };
  }, [editor, top, pixelRatio, solids, mode]);

  return (
    <g ref={group}>
      {MODES.flatMap((m) =>
        Array.from({ length: top + 1 }, (_, lod) => {
          const id = suffixSafeId(idBase, tileKey(m, lod));
          const url = urls.get(tileKey(m, lod));
          return (
            <pattern key={id} id={id} width={TILE_SIZE} height={TILE_SIZE} patternUnits="userSpaceOnUse">
              {url ? (
                <image href={url} width={TILE_SIZE} height={TILE_SIZE} />
              ) : (
                <rect width={TILE_SIZE} height={TILE_SIZE} fill={PLACEHOLDER[m]} />
              )}
            </pattern>
          );
        }),
      )}
    </g>
  );
}

/** Safari paints a pattern's new image only once the HTML layer around it is laid out again (as tldraw does). */
function repaintHtmlLayer(editor: ReturnType<typeof useEditor>, from: Element | null) {
  const layer = from?.closest<HTMLElement>('.tl-html-layer');
  if (!layer) return;
  editor.timers.requestAnimationFrame(() => {
    layer.style.display = 'none';
    editor.timers.requestAnimationFrame(() => {
      layer.style.display = '';
    });
  });
}

/** The definition every shape with a pattern fill shares (one key, so the canvas renders it once). */
export const idlePatternFillDef: TLShapeUtilCanvasSvgDef = {
  key: 'conjecture:idle-pattern-fill',
  component: IdlePatternFillDefs,
};
