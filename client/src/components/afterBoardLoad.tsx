import { createContext, useContext, type ComponentType } from 'react';
import { useValue, type Signal, type TLComponents } from 'tldraw';

/** Whether the open board has every record in its store; null where boards load in one go. */
export const BoardLoadedContext = createContext<Signal<boolean> | null>(null);

/**
 * Mounts a canvas slot's layers only once the board is loaded. The overlays (tag chips, representation
 * chips, author outlines, critique pins) recompute over the page's shapes at every batch of a progressive
 * load, and nothing they show is needed for the first frame. Call once at module level, like the layers.
 */
export function afterBoardLoad<C extends TLComponents>(components: C): C {
  const Layers: ComponentType | null | undefined = components.OnTheCanvas;
  if (!Layers) return components;
  function OnTheCanvas() {
    const loaded = useContext(BoardLoadedContext);
    const show = useValue('board loaded', () => loaded?.get() ?? true, [loaded]);
    return show && Layers ? <Layers /> : null;
  }
  return { ...components, OnTheCanvas };
}
