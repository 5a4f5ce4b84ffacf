import { describe, expect, it } from 'vitest';
import { lastActivityLabel } from './lastActivityLabel.js';

describe('a group card’s word on its last edit', () => {
  const now = 1_000_000_000;
  it('reads as a teacher would say it', () => {
    expect(lastActivityLabel(null, now)).toBe('No edits yet');
    expect(lastActivityLabel(now, now)).toBe('Active just now');
    expect(lastActivityLabel(now - 9_000, now)).toBe('Active just now');
    expect(lastActivityLabel(now - 40_000, now)).toBe('Active 40 s ago');
    expect(lastActivityLabel(now - 3 * 60_000, now)).toBe('Active 3 min ago');
    expect(lastActivityLabel(now - 2 * 3_600_000, now)).toBe('Active 2 h ago');
  });

  it('says "just now" of an edit stamped a moment after the dashboard’s clock', () => {
    expect(lastActivityLabel(now + 500, now)).toBe('Active just now');
  });
});
