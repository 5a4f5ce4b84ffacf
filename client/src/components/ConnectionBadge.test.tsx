// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { BoardSession, BoardSessionStatus } from '../sync/boardSession.js';
import { cleanUp, render } from '../test/render.js';
import { ConnectionBadge } from './ConnectionBadge.js';

afterEach(cleanUp);

/** A session in one state, keeping (or not) a copy of the board on this device. */
const sessionIn = (
  connection: BoardSessionStatus['connection'],
  unconfirmed: boolean,
  localCopy = true,
  socketUnreachable = false,
): BoardSession => {
  const status = { connection, unconfirmed, socketUnreachable }; // one object: useSyncExternalStore compares snapshots
  return {
    subscribe: () => () => {},
    getStatus: () => status,
    connection: { localCopy },
  } as unknown as BoardSession;
};

const badgeText = async (session: BoardSession) =>
  (await render(<ConnectionBadge session={session} />)).textContent;

describe('the connection badge', () => {
  it('says all is saved when the server has everything', async () => {
    expect(await badgeText(sessionIn('connected', false))).toBe('Connected · all changes saved');
    cleanUp();
    expect(await badgeText(sessionIn('offline', false))).toBe('Offline · all changes saved');
  });

  it('offline with unsent changes, says they are kept and go when the Wi-Fi is back, not "not saved"', async () => {
    for (const state of ['offline', 'reconnecting'] as const) {
      const text = await badgeText(sessionIn(state, true));
      expect(text).toMatch(/kept on this device until you reconnect$/);
      expect(text).not.toMatch(/not yet saved/);
      cleanUp();
    }
  });

  it('without a copy on this device, does not promise one', async () => {
    expect(await badgeText(sessionIn('offline', true, false))).toBe('Offline · changes not yet saved');
  });

  it('when the server does not answer, says so plainly and what happens to unsent work', async () => {
    expect(await badgeText(sessionIn('unreachable', false))).toBe(
      "Can't reach Conjecture · all changes saved",
    );
    cleanUp();
    expect(await badgeText(sessionIn('unreachable', true))).toBe(
      "Can't reach Conjecture · changes kept on this device until you reconnect",
    );
    cleanUp();
    expect(await badgeText(sessionIn('unreachable', true, false))).toBe(
      "Can't reach Conjecture · changes not yet saved, lost if you close this page",
    );
  });

  it('when the board syncs but its socket.io link does not, says the drawing works and tags are retrying', async () => {
    const host = await render(<ConnectionBadge session={sessionIn('connected', false, true, true)} />);
    expect(host.textContent).toBe(
      "Drawing connected · all changes saved · tags can't reach Conjecture, trying again",
    );
    expect(host.querySelector('[role="status"]')?.getAttribute('data-socket')).toBe('unreachable');
    cleanUp();
    // No confirmation can come: unsent changes are the device's to keep, not "not yet saved".
    expect(await badgeText(sessionIn('connected', true, true, true))).toBe(
      "Drawing connected · changes kept on this device until you reconnect · tags can't reach Conjecture, trying again",
    );
    cleanUp();
    expect(await badgeText(sessionIn('connected', true, false, true))).toBe(
      "Drawing connected · changes not yet saved · tags can't reach Conjecture, trying again",
    );
  });

  it('says nothing of tags when the whole connection is down: the state already says it', async () => {
    expect(await badgeText(sessionIn('unreachable', false, true, true))).toBe(
      "Can't reach Conjecture · all changes saved",
    );
  });

  it("refused at the network's cap on boards, says so calmly, that it keeps trying, and that the copy keeps the work", async () => {
    const host = await render(<ConnectionBadge session={sessionIn('crowded', true)} />);
    expect(host.textContent).toBe(
      'Too many boards open on this network, trying again · changes kept on this device until you reconnect',
    );
    expect(host.querySelector('[role="status"]')?.getAttribute('data-state')).toBe('crowded');
    cleanUp();
    expect(await badgeText(sessionIn('crowded', false))).toBe(
      'Too many boards open on this network, trying again · all changes saved',
    );
  });

  it('keeps its role and names the state for those who read it (tests, styles)', async () => {
    const host = await render(<ConnectionBadge session={sessionIn('unreachable', true)} />);
    expect(host.querySelector('[role="status"]')?.getAttribute('data-state')).toBe('unreachable');
  });
});
