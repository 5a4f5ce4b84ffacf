import { describe, expect, it } from 'vitest';
import { AnnouncementPacer } from './announcementPacer.js';

const pace = { minGapMs: 2_000, repeatAfterMs: 30_000, maxPerAnnouncement: 3 };

describe('AnnouncementPacer', () => {
  it('says the first sentence at once, and waits the gap before the next', () => {
    const pacer = new AnnouncementPacer(pace);
    pacer.offer(['Ada joined.'], 1_000);
    expect(pacer.take(1_000)).toBe('Ada joined.');
    pacer.offer(['Bruno joined.'], 1_500);
    expect(pacer.take(1_500)).toBeNull();
    expect(pacer.dueAt()).toBe(3_000);
    expect(pacer.take(3_000)).toBe('Bruno joined.');
    expect(pacer.dueAt()).toBeNull();
  });

  it('says what arrived during the gap together, at most three sentences, and counts the rest', () => {
    const pacer = new AnnouncementPacer(pace);
    pacer.offer(['A.'], 0);
    pacer.take(0);
    pacer.offer(['B.', 'C.'], 500);
    pacer.offer(['D.', 'E.', 'F.'], 900);
    expect(pacer.take(2_000)).toBe('B. C. D. And 2 more updates on the dashboard.');
  });

  it('does not repeat a sentence said recently or already waiting', () => {
    const pacer = new AnnouncementPacer(pace);
    pacer.offer(['Ada raised a hand.', 'Ada raised a hand.'], 0);
    expect(pacer.take(0)).toBe('Ada raised a hand.');
    pacer.offer(['Ada raised a hand.'], 10_000);
    expect(pacer.dueAt()).toBeNull();
    pacer.offer(['Ada raised a hand.'], 40_000);
    expect(pacer.take(40_000)).toBe('Ada raised a hand.');
  });
});
