import { Tldraw, type Editor, type TLComponents, type TLCurrentUser, type TLStore } from 'tldraw';
import { customShapeUtils } from '../shapes/index.js';
import { useShapeFontsLoaded, type FontSource } from './shapeFonts.js';
import { assetUrls } from './tldrawSetup.js';

interface ViewOnlyTldrawProps {
  licenseKey: string | null;
  onMount: (editor: Editor) => void | (() => void);
  /** A live board's store (a view of it); without one the editor holds its own records in memory. */
  store?: TLStore;
  user?: TLCurrentUser;
  components?: TLComponents;
  /**
   * The records `onMount` will put in an editor without a store: their fonts load before it is built. The
   * same array from render to render (memoise it): a new one waits for its fonts again.
   */
  records?: FontSource;
}

/**
 * tldraw as every view of ours mounts it — a live board's thumbnail or projection, a snapshot, a replay: our
 * shapes, self-hosted assets, no UI, and never taking the page's focus. The editor is built once the fonts
 * of its shapes have loaded (see shapeFonts.ts).
 */
export function ViewOnlyTldraw({
  licenseKey,
  onMount,
  store,
  user,
  components,
  records,
}: ViewOnlyTldrawProps) {
  // tldraw measures labels (and so shapes' bounds, which views fit to) in whatever font is loaded then.
  const fontsLoaded = useShapeFontsLoaded(store ?? records ?? null);
  if ((store || records) && !fontsLoaded) return null;
  return (
    <Tldraw
      {...(store ? { store } : {})}
      {...(user ? { user } : {})}
      {...(components ? { components } : {})}
      shapeUtils={customShapeUtils}
      assetUrls={assetUrls}
      licenseKey={licenseKey ?? undefined}
      hideUi
      autoFocus={false}
      onMount={onMount}
    />
  );
}
