import { vi } from 'vitest';

/**
 * The MutationObservers watching the whole page (its body) and not yet disconnected: stubs the global
 * `MutationObserver` to count them (undo with `vi.unstubAllGlobals()`). One left running after its page is
 * gone reacts to every change of the document for the rest of the visit.
 */
export function watchBodyObservers(): Set<MutationObserver> {
  const watching = new Set<MutationObserver>();
  class CountedObserver extends MutationObserver {
    override observe(target: Node, options?: MutationObserverInit) {
      if (target === target.ownerDocument?.body) watching.add(this);
      super.observe(target, options);
    }
    override disconnect() {
      watching.delete(this);
      super.disconnect();
    }
  }
  vi.stubGlobal('MutationObserver', CountedObserver);
  return watching;
}
