import { describe, expect, it } from 'vitest';
import { coachLinkIsOn, coachLinkStatus, madeAtLabel, viewOfCoachLink } from './coachLinkStatus.js';

const at = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m, d, h, min).getTime();

describe('the coach link as the teacher reads it', () => {
  it('says when a link that is on was made, and that its address is not shown again', () => {
    const made = at(2026, 2, 3, 10, 42);
    const status = coachLinkStatus(viewOfCoachLink({ on: true, createdAt: made }), at(2026, 2, 3, 14, 0));
    expect(status).toMatch(/^A coach link is on \(made today at .*42.*\)\. /);
    expect(status).toMatch(/Its address was shown when it was made; make a new link to see one\.$/);
  });

  it('names the day of a link made on another day', () => {
    expect(madeAtLabel(at(2026, 2, 3, 10, 42), at(2026, 2, 4, 9, 0))).toMatch(/^on .*3.* at .*42/);
    expect(madeAtLabel(at(2026, 2, 3, 10, 42), at(2026, 2, 3, 23, 59))).toMatch(/^today at /);
  });

  it('leaves the time out when the server does not know it', () => {
    expect(coachLinkStatus({ phase: 'on', createdAt: null }, 0)).toMatch(/^A coach link is on\. /);
  });

  it('tells a link never made from one just turned off', () => {
    expect(coachLinkStatus(viewOfCoachLink({ on: false, createdAt: null }), 0)).toBe('No coach link is on.');
    expect(coachLinkStatus({ phase: 'off', turnedOff: true }, 0)).toMatch(/^The coach link is off/);
  });

  it('offers a new link and turning it off only while one is on', () => {
    expect(coachLinkIsOn({ phase: 'on', createdAt: 1 })).toBe(true);
    expect(coachLinkIsOn({ phase: 'made', url: 'http://x/coach/abc#key=k' })).toBe(true);
    expect(coachLinkIsOn({ phase: 'off', turnedOff: true })).toBe(false);
    expect(coachLinkIsOn({ phase: 'loading' })).toBe(false);
  });
});
