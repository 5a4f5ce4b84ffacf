import { Tldraw, type Editor, type TLComponents, type TLCurrentUser, type TLStore } from 'tldraw';
import { customShapeUtils } from '../shapes/index.js';
import { assetUrls } from './tldrawSetup.js';

interface ViewOnlyTldrawProps {
  licenseKey: string | null;
  onMount: (editor: Editor) => void | (() => void);
  /** A live board's store (a view of it); without one the editor holds its own records in memory. */
  store?: TLStore;
  user?: TLCurrentUser;
  components?: TLComponents;
}

/**
 * tldraw as every view of ours mounts it — a live board's thumbnail or projection, a snapshot, a replay: our
 * shapes, self-hosted assets, no UI, and never taking the page's focus.
 */
export function ViewOnlyTldraw({ licenseKey, onMount, store, user, components }: ViewOnlyTldrawProps) {
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
