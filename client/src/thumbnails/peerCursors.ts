import { PresenceStateSchema, type UserId } from '@conjecture/shared';

/** A peer's cursor as a view shows it: where on the page, whose (the name this viewer resolves), in what colour. */
export interface PeerCursor {
  clientId: number;
  x: number;
  y: number;
  name: string;
  color: string;
}

/** As tldraw's editor does: a cursor that has not moved for this long is hidden (the student looked away). */
export const CURSOR_IDLE_MS = 3_000;

/**
 * Cursors from a board's awareness states (what peers publish: their id, colour and tldraw presence, no
 * name), named by `resolveName` (pseudonyms on an anonymized projector) and kept only while they move.
 * `movedAt` holds when this screen last saw each one move (its own clock: peers' clocks may differ); it is
 * updated here. Invalid states are skipped: peers write them.
 */
export function peerCursors(
  states: Map<number, unknown>,
  ownClientId: number,
  resolveName: (userId: UserId) => string,
  movedAt: Map<number, { x: number; y: number; at: number }>,
  now: number,
  userColor: (userId: UserId) => string,
): PeerCursor[] {
  const cursors: PeerCursor[] = [];
  for (const id of movedAt.keys()) if (!states.has(id)) movedAt.delete(id);
  for (const [clientId, state] of states) {
    if (clientId === ownClientId) continue;
    const parsed = PresenceStateSchema.safeParse(state);
    const cursor = parsed.success ? (parsed.data.presence?.cursor as { x?: unknown; y?: unknown }) : null;
    if (!parsed.success || !cursor || typeof cursor.x !== 'number' || typeof cursor.y !== 'number') continue;
    if (!Number.isFinite(cursor.x) || !Number.isFinite(cursor.y)) continue;
    const last = movedAt.get(clientId);
    if (!last || last.x !== cursor.x || last.y !== cursor.y)
      movedAt.set(clientId, { x: cursor.x, y: cursor.y, at: now });
    if (now - (movedAt.get(clientId)?.at ?? now) > CURSOR_IDLE_MS) continue;
    const { user } = parsed.data;
    cursors.push({
      clientId,
      x: cursor.x,
      y: cursor.y,
      name: resolveName(user.id),
      color: userColor(user.id),
    });
  }
  return cursors;
}

const escapeXml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
const r = (n: number) => Math.round(n * 100) / 100;

/** Name tags read from the back of the room: this many screen pixels tall, whatever the zoom. */
const NAME_PX = 18;

/**
 * The cursors as SVG in page space, drawn at a constant size on screen (`pxPerUnit`: screen pixels per page
 * unit at the current frame): tldraw's pointer and a name tag in the peer's colour.
 */
export function cursorsMarkup(cursors: readonly PeerCursor[], pxPerUnit: number): string {
  const s = 1 / Math.max(pxPerUnit, 1e-6);
  return cursors
    .map((c) => {
      const name = escapeXml(c.name);
      const tagW = (c.name.length * 0.6 + 1.2) * NAME_PX;
      return (
        `<g data-testid="peer-cursor" data-client-id="${c.clientId}" transform="translate(${r(c.x)} ${r(c.y)}) scale(${r(s * 1000) / 1000})">` +
        `<path d="M0 0L0 20L5 15L9 24L13 22L9 13.5L16 13.5Z" fill="${c.color}" stroke="#fff" stroke-width="1.5" stroke-linejoin="round"/>` +
        `<rect x="14" y="22" width="${r(tagW)}" height="${NAME_PX * 1.5}" rx="6" fill="${c.color}"/>` +
        `<text x="${14 + NAME_PX * 0.6}" y="${22 + NAME_PX * 1.1}" font-size="${NAME_PX}" font-family="system-ui, sans-serif" font-weight="600" fill="#fff">${name}</text></g>`
      );
    })
    .join('');
}
