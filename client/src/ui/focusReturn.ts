/**
 * Where the focus goes when a dialog closes. Radix gives it back to a `Dialog.Trigger`, and our dialogs have
 * none (they open from state: a confirmation, a dialog the teacher's request opens), so the focus fell on the
 * page's body, where Tab and Escape start again from the top of the page. Remembered as the dialog opens: the
 * element that had the focus (the opener), and the page's controls in order, so that when the confirmed
 * action takes the opener away (a deleted group, a removed student) the next control still there takes the
 * focus, or else the one before it.
 */
export interface FocusReturn {
  /** After the dialog closed: back to the opener, or the nearest control if it is gone or disabled. */
  restore(): void;
  /** Stops following the opener (the page that holds the dialog unmounts). */
  stop(): void;
}

const TABBABLE = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

const usable = (el: Element): el is HTMLElement =>
  el instanceof HTMLElement && el.isConnected && !el.matches(':disabled') && !el.closest('[hidden], [inert]');

/** The focus is nowhere a person would want it: the page's body, or an element gone or disabled. */
const focusLost = (doc: Document) =>
  doc.activeElement === null || doc.activeElement === doc.body || !usable(doc.activeElement);

/**
 * The one opener followed in each document: a dialog opening again (this one or another) takes the focus
 * itself, so the last one's watch ends there rather than observing the whole page for the rest of the visit.
 */
const following = new WeakMap<Document, () => void>();

/**
 * Opened from a menu's item (Export › Share with a coach…), the focus is in the menu, which goes as the dialog
 * opens and stood after every control of the page: the opener is the button that opened the menu.
 */
function openerOf(doc: Document): HTMLElement | null {
  const active = doc.activeElement;
  if (!(active instanceof HTMLElement) || active === doc.body) return null;
  const menu = active.closest('[role="menu"][id]');
  const menuButton = menu && doc.querySelector<HTMLElement>(`[aria-controls="${CSS.escape(menu.id)}"]`);
  return menuButton ?? active;
}

export function rememberFocus(dialog: HTMLElement): FocusReturn {
  const doc = dialog.ownerDocument;
  following.get(doc)?.();
  const opener = openerOf(doc);
  const order = [...doc.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => !dialog.contains(el));
  const nearest = () => {
    const at = opener ? order.indexOf(opener) : -1;
    if (at < 0) return null;
    return order.slice(at + 1).find(usable) ?? order.slice(0, at).reverse().find(usable) ?? null;
  };

  // The action confirmed may take the opener away only when the server answers (a removed student's card
  // goes with the next class state): the focus follows it then. The watch ends the first time the focus moves
  // elsewhere (whoever moved it chose its place), when a dialog opens again, or when the page asks (`stop`).
  let stopFollowing = () => {};
  const followOpener = (el: HTMLElement) => {
    following.get(doc)?.();
    const watch = new MutationObserver(() => {
      if (doc.activeElement !== el && !focusLost(doc)) return stop();
      if (usable(el)) return;
      stop();
      nearest()?.focus();
    });
    const movedElsewhere = (event: FocusEvent) => {
      if (event.target !== el) stop();
    };
    const stop = () => {
      watch.disconnect();
      doc.removeEventListener('focusin', movedElsewhere);
      if (following.get(doc) === stop) following.delete(doc);
    };
    watch.observe(doc.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['disabled', 'hidden', 'inert'],
    });
    doc.addEventListener('focusin', movedElsewhere);
    following.set(doc, stop);
    stopFollowing = stop;
  };

  return {
    restore() {
      // Someone already put the focus somewhere on purpose (the panel the dialog closed, its opener): keep it.
      if (!focusLost(doc)) return;
      const target = opener && usable(opener) ? opener : nearest();
      target?.focus();
      if (target && target === opener && doc.activeElement === opener) followOpener(opener);
    },
    stop: () => stopFollowing(),
  };
}
