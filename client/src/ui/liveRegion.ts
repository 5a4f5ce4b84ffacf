/**
 * One polite live region for the page, created once in <body> and never re-rendered by React: a region that
 * mounts together with its message is often not read, and a page that swaps its whole tree (a student put in
 * a group gets the board instead of the waiting page) would remount a region rendered inside it. Each
 * message is a new child, so repeating the same words is announced again.
 */
let region: HTMLElement | null = null;

function liveRegion(): HTMLElement {
  if (region && region.isConnected) return region;
  region = document.createElement('div');
  region.className = 'ui-visually-hidden';
  // aria-live without role="status": the page's own visible status messages stay the only "status" role
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('aria-atomic', 'true');
  region.dataset.testid = 'live-announcer';
  document.body.append(region);
  return region;
}

/** Says `message` to assistive technology (politely: after what it is reading now). */
export function announce(message: string): void {
  if (typeof document === 'undefined' || message.trim() === '') return;
  const line = document.createElement('p');
  line.textContent = message;
  liveRegion().replaceChildren(line);
}
