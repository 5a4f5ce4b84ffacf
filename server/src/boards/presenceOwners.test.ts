import { describe, expect, it } from 'vitest';
import { MAX_AWAY_IDS_PER_USER, PresenceOwners } from './presenceOwners.js';

type Peer = { userId: string };
const peer = (userId: string): Peer => ({ userId });

describe('PresenceOwners', () => {
  it('binds an id to its connection, then to its user while she is away', () => {
    const owners = new PresenceOwners<Peer>();
    const ana = peer('ana');
    const anaAgain = peer('ana');
    const mallory = peer('mallory');
    owners.claim(7, ana);
    expect(owners.mayPublish(7, ana, 'ana')).toBe(true);
    // While it is live, no other connection publishes under it, even her own second tab.
    expect(owners.mayPublish(7, anaAgain, 'ana')).toBe(false);
    expect(owners.mayPublish(7, mallory, 'mallory')).toBe(false);
    owners.release([7], 'ana');
    expect(owners.mayPublish(7, mallory, 'mallory')).toBe(false);
    expect(owners.mayPublish(7, anaAgain, 'ana')).toBe(true);
    owners.claim(7, anaAgain);
    expect(owners.mayPublish(7, ana, 'ana')).toBe(false);
    // An id no one used is free.
    expect(owners.mayPublish(8, mallory, 'mallory')).toBe(true);
  });

  it('keeps a classmate’s away ids however many ids another user churns through', () => {
    const owners = new PresenceOwners<Peer>();
    owners.claim(7, peer('ana'));
    owners.release([7], 'ana');
    for (let id = 1000; id < 5000; id += 4) {
      const tab = peer('mallory');
      const ids = [id, id + 1, id + 2, id + 3];
      for (const each of ids) owners.claim(each, tab);
      owners.release(ids, 'mallory');
    }
    expect(owners.mayPublish(7, peer('mallory'), 'mallory')).toBe(false);
    // Mallory's own oldest are forgotten: she keeps her newest few only.
    expect(owners.mayPublish(1000, peer('ben'), 'ben')).toBe(true);
    expect(owners.mayPublish(4999, peer('ben'), 'ben')).toBe(false);
  });

  it(`keeps a user’s newest ${MAX_AWAY_IDS_PER_USER} away ids`, () => {
    const owners = new PresenceOwners<Peer>();
    const ids = Array.from({ length: MAX_AWAY_IDS_PER_USER + 2 }, (_, i) => i + 1);
    for (const id of ids) {
      owners.claim(id, peer('ana'));
      owners.release([id], 'ana');
    }
    const kept = ids.filter((id) => !owners.mayPublish(id, peer('ben'), 'ben'));
    expect(kept).toEqual(ids.slice(2));
  });

  it('lists a user’s away ids, oldest first: not her live ones, nor a classmate’s', () => {
    const owners = new PresenceOwners<Peer>();
    const ana = peer('ana');
    owners.claim(7, ana);
    owners.claim(9, peer('ana'));
    owners.claim(8, peer('ben'));
    owners.release([7], 'ana');
    owners.release([8], 'ben');
    expect(owners.awayOf('ana')).toEqual([7]);
    owners.release([9], 'ana');
    expect(owners.awayOf('ana')).toEqual([7, 9]);
    owners.claim(7, peer('ana'));
    expect(owners.awayOf('ana')).toEqual([9]);
    expect(owners.awayOf('ben')).toEqual([8]);
    expect(owners.awayOf('mallory')).toEqual([]);
  });
});
