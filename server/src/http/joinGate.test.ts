import { describe, expect, it } from 'vitest';
import { JoinGate } from './joinGate.js';

const gate = () => {
  const clock = { at: 0 };
  const joins = new JoinGate({
    maxFailures: 3,
    windowMs: 60_000,
    limitedChecks: { perSecond: 1, burst: 2 },
    now: () => clock.at,
  });
  return { clock, joins };
};

describe('JoinGate', () => {
  it('counts only wrong codes, and checks everything until the limit', () => {
    const { joins } = gate();
    joins.joined('nat', 'class-a');
    for (let i = 0; i < 3; i++) {
      expect(joins.mayCheck('nat', undefined)).toBe(true);
      joins.wrongCode('nat');
    }
    expect(joins.isLimited('nat')).toBe(true);
    expect(joins.isLimited('elsewhere')).toBe(false);
  });

  it('keeps letting a limited address into its classes, and gives it a slow allowance for the rest', () => {
    const { clock, joins } = gate();
    joins.joined('nat', 'class-a');
    for (let i = 0; i < 3; i++) joins.wrongCode('nat');
    for (let i = 0; i < 10; i++) expect(joins.mayCheck('nat', 'class-a')).toBe(true);
    expect([joins.mayCheck('nat', 'class-b'), joins.mayCheck('nat', undefined)]).toEqual([true, true]);
    // spent: refused without looking at the code
    expect([joins.mayCheck('nat', 'class-b'), joins.mayCheck('nat', undefined)]).toEqual([false, false]);
    clock.at += 1000;
    expect(joins.mayCheck('nat', 'class-c')).toBe(true);
  });

  it('forgets the limit and the classes after the window', () => {
    const { clock, joins } = gate();
    joins.joined('nat', 'class-a');
    for (let i = 0; i < 3; i++) joins.wrongCode('nat');
    clock.at += 60_001;
    expect(joins.isLimited('nat')).toBe(false);
    for (let i = 0; i < 3; i++) joins.wrongCode('nat');
    expect(joins.mayCheck('nat', 'class-a')).toBe(true); // allowance, not trust
    expect(joins.mayCheck('nat', 'class-a')).toBe(true);
    expect(joins.mayCheck('nat', 'class-a')).toBe(false);
  });
});
