import { describe, expect, it, vi } from 'vitest';
import type { ClassState } from '@conjecture/shared';
import { ApiRequestError } from '../api/http.js';
import { memoryStorage } from '../test/memoryStorage.js';
import {
  COACH_LINK_INVALID,
  COACH_STALE_MS,
  openCoachSession,
  readAgainOnReturn,
  type CoachSessionDeps,
} from './coachSession.js';
import { ClassCredentials } from './credentials.js';

const CLASS = 'class-123';
const cls = { classId: CLASS, title: 'Pen deals' } as ClassState;
const refused = () =>
  new ApiRequestError('unauthorized', 'this coach link is not valid or was turned off', 401);

function deps(over: Partial<CoachSessionDeps> = {}) {
  const credentials = new ClassCredentials(memoryStorage());
  return {
    credentials,
    startSession: vi.fn(() => Promise.resolve({ token: 'fresh' })),
    loadClass: vi.fn(() => Promise.resolve(cls)),
    ...over,
  };
}

describe("a coach's session", () => {
  it("trades the link's key for a token, keeps it for the class, and loads the class with it", async () => {
    const d = deps();
    expect(await openCoachSession(CLASS, 'the-key', d)).toEqual({ ok: true, token: 'fresh', cls });
    expect(d.startSession).toHaveBeenCalledWith(CLASS, 'the-key');
    expect(d.loadClass).toHaveBeenCalledWith(CLASS, { token: 'fresh' });
    expect(d.credentials.coachToken(CLASS)).toBe('fresh');
  });

  it('opens again from the kept token when the address has no key (a reload)', async () => {
    const d = deps();
    d.credentials.saveCoach(CLASS, 'kept');
    expect(await openCoachSession(CLASS, null, d)).toEqual({ ok: true, token: 'kept', cls });
    expect(d.startSession).not.toHaveBeenCalled();
  });

  it('says the link is not valid or was turned off, and forgets the token, when the server refuses it', async () => {
    const d = deps({ loadClass: vi.fn(() => Promise.reject(refused())) });
    d.credentials.saveCoach(CLASS, 'kept');
    expect(await openCoachSession(CLASS, null, d)).toEqual({ ok: false, message: COACH_LINK_INVALID });
    expect(d.credentials.coachToken(CLASS)).toBeNull();
  });

  it('refuses a turned-off link without keeping anything', async () => {
    const d = deps({ startSession: vi.fn(() => Promise.reject(refused())) });
    expect(await openCoachSession(CLASS, 'old-key', d)).toEqual({ ok: false, message: COACH_LINK_INVALID });
    expect(d.credentials.coachToken(CLASS)).toBeNull();
    expect(d.loadClass).not.toHaveBeenCalled();
  });

  it('says the same with neither a key nor a kept token, asking the server nothing', async () => {
    const d = deps();
    expect(await openCoachSession(CLASS, null, d)).toEqual({ ok: false, message: COACH_LINK_INVALID });
    expect(d.loadClass).not.toHaveBeenCalled();
  });

  it('keeps the token through a failure that is not a refusal (the network), and says what happened', async () => {
    const d = deps({ loadClass: vi.fn(() => Promise.reject(new ApiRequestError('network', 'offline'))) });
    d.credentials.saveCoach(CLASS, 'kept');
    expect(await openCoachSession(CLASS, null, d)).toEqual({
      ok: false,
      message: 'Cannot open the evidence: offline',
    });
    expect(d.credentials.coachToken(CLASS)).toBe('kept');
  });
});

describe('a coach coming back to the page', () => {
  it('reads the evidence again when it was read over a minute ago, and not while a read is under way', () => {
    const readAt = 1_000_000;
    expect(readAgainOnReturn(readAt, readAt + COACH_STALE_MS + 1, false)).toBe(true);
    expect(readAgainOnReturn(readAt, readAt + COACH_STALE_MS + 1, true)).toBe(false);
    expect(readAgainOnReturn(readAt, readAt + 5_000, false)).toBe(false);
  });
});
