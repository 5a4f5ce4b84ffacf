import { describe, expect, it } from 'vitest';
import { principalKey, PrincipalBudgets, refillMs } from './principalBudgets.js';

/** A clock the test moves by hand. */
const manualClock = (start = 1_000_000) => {
  const clock = { at: start, now: () => clock.at };
  return clock;
};

const registry = (clock = manualClock()) =>
  new PrincipalBudgets({ post: { perSecond: 1, burst: 2 } }, { perSecond: 1, burst: 1 }, clock.now);

describe('PrincipalBudgets', () => {
  it('gives every socket of a principal the same budgets, and another principal its own', () => {
    const budgets = registry();
    const first = budgets.join('student:c:ana', 8);
    const second = budgets.join('student:c:ana', 8);
    const other = budgets.join('student:c:cy', 8);
    expect(first?.budgets).toBe(second?.budgets);
    expect(first?.budgets.take('post')).toBe('allowed');
    expect(second?.budgets.take('post')).toBe('allowed');
    expect(first?.budgets.take('post')).toBe('refused'); // the second socket spent the rest
    expect(other?.budgets.take('post')).toBe('allowed');
    expect(budgets.holdersOf('student:c:ana')).toBe(2);
    expect(budgets.size).toBe(2);
  });

  it('keeps the budgets while a socket is left, and after the last one until they would have refilled', () => {
    const clock = manualClock();
    const budgets = registry(clock);
    const first = budgets.join('student:c:ana', 8);
    const second = budgets.join('student:c:ana', 8);
    first?.budgets.take('post');
    first?.budgets.take('post');
    first?.release();
    first?.release(); // a second release (disconnect after a closed transport) counts once
    expect(budgets.holdersOf('student:c:ana')).toBe(1);
    // A reconnection while the other socket is open finds the budget spent.
    const reconnected = budgets.join('student:c:ana', 8);
    expect(reconnected?.budgets.take('post')).toBe('refused');
    second?.release();
    reconnected?.release();
    expect(budgets.size).toBe(0);
    expect(budgets.holdersOf('student:c:ana')).toBe(0);
    // Hanging up buys nothing: a socket that connects again finds the budget as it was left…
    const again = budgets.join('student:c:ana', 8);
    expect(again?.budgets.take('post')).toBe('exhausted');
    again?.release();
    // …until it would have refilled (2 s for the post's burst of 2): then nothing is kept, the next is new.
    clock.at += refillMs({ post: { perSecond: 1, burst: 2 } }, { perSecond: 1, burst: 1 });
    expect(budgets.join('student:c:cy', 8)).not.toBeNull();
    expect(budgets.restingSize).toBe(0);
    expect(budgets.join('student:c:ana', 8)?.budgets.take('post')).toBe('allowed');
  });

  it('waits for the slowest budget (or the strikes) to refill before it lets a set go', () => {
    expect(refillMs({ post: { perSecond: 0.5, burst: 5 } }, { perSecond: 1, burst: 3 })).toBe(10_000);
    expect(refillMs({ post: { perSecond: 5, burst: 5 } }, { perSecond: 1, burst: 20 })).toBe(20_000);
  });

  it('refuses a socket past the cap until one of the principal’s sockets is gone', () => {
    const budgets = registry();
    const leases = [budgets.join('teacher:s1', 2), budgets.join('teacher:s1', 2)];
    expect(budgets.join('teacher:s1', 2)).toBeNull();
    expect(budgets.join('teacher:s2', 2)).not.toBeNull(); // another session is not counted with it
    leases[0]?.release();
    expect(budgets.join('teacher:s1', 2)).not.toBeNull();
    expect(budgets.holdersOf('teacher:s1')).toBe(2);
  });

  it('refills with the injected clock, shared by the principal’s sockets', () => {
    const clock = manualClock();
    const budgets = registry(clock);
    const a = budgets.join('student:c:ana', 8);
    const b = budgets.join('student:c:ana', 8);
    a?.budgets.take('post');
    b?.budgets.take('post');
    expect(a?.budgets.take('post')).toBe('refused');
    expect(b?.budgets.take('post')).toBe('exhausted'); // the strikes are the principal's too
    clock.at += 1000;
    expect(b?.budgets.take('post')).toBe('allowed');
  });

  it('keys a student by the student (every session of theirs), anyone else by the session', () => {
    const ana = { role: 'student', classId: 'c', studentId: 'ana' } as const;
    expect(principalKey({ ...ana, sessionId: 's1' })).toBe(principalKey({ ...ana, sessionId: 's2' }));
    const teacher = { role: 'teacher', classId: 'c', sessionId: 't1', studentId: null } as const;
    const projector = { role: 'projector', classId: 'c', sessionId: 'p1', studentId: null } as const;
    expect(principalKey(teacher)).not.toBe(principalKey(projector));
    expect(principalKey(teacher)).not.toBe(principalKey({ ...teacher, sessionId: 't2' }));
  });
});
