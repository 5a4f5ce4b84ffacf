import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Scheduler } from './scheduler.js';

describe('Scheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs timeouts, intervals and immediates, and counts what is pending', () => {
    const scheduler = new Scheduler();
    const ran: string[] = [];
    scheduler.timeout(100, () => ran.push('timeout'));
    const stop = scheduler.interval(40, () => ran.push('tick'));
    scheduler.immediate(() => ran.push('immediate'));
    expect(scheduler.pending).toBe(3);
    vi.advanceTimersByTime(100);
    expect(ran).toEqual(['immediate', 'tick', 'tick', 'timeout']);
    expect(scheduler.pending).toBe(1); // the interval
    stop();
    stop();
    expect(scheduler.pending).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(ran).toHaveLength(4);
  });

  it('throttles per key: one run at the end of each window, with the key', () => {
    const scheduler = new Scheduler();
    const ran: string[] = [];
    const announce = scheduler.throttle(1000, (key: string) => ran.push(key));
    announce('class-1');
    vi.advanceTimersByTime(500);
    announce('class-1');
    announce('class-2');
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(500);
    expect(ran).toEqual(['class-1']);
    announce('class-1');
    vi.advanceTimersByTime(1000);
    expect(ran).toEqual(['class-1', 'class-2', 'class-1']);
  });

  it('clears everything on close and schedules nothing afterwards', () => {
    const scheduler = new Scheduler();
    const ran: string[] = [];
    scheduler.timeout(10, () => ran.push('timeout'));
    scheduler.interval(10, () => ran.push('tick'));
    scheduler.immediate(() => ran.push('immediate'));
    const announce = scheduler.throttle(10, (key: string) => ran.push(key));
    announce('a');
    scheduler.close();
    expect(scheduler.pending).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    scheduler.timeout(10, () => ran.push('late'));
    announce('b');
    expect(scheduler.pending).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(ran).toEqual([]);
  });
});

describe('the lint rule that keeps server timers on the scheduler', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const lint = async (file: string, code: string) => {
    const [result] = await new ESLint({ cwd: root }).lintText(code, { filePath: `${root}${file}` });
    return (result?.messages ?? []).map((m) => m.ruleId);
  };

  it('refuses setTimeout, setInterval, setImmediate and node:timers in server code', async () => {
    const code = [
      "import { setTimeout as wait } from 'node:timers/promises';",
      'export const a = setTimeout(() => {}, 1);',
      'export const b = setInterval(() => {}, 1);',
      'export const c = setImmediate(() => {});',
      'export const d = globalThis.setTimeout(() => {}, 1);',
      'export const e = wait;',
    ].join('\n');
    expect(await lint('server/src/classroom/example.ts', code)).toEqual([
      'no-restricted-syntax',
      'no-restricted-globals',
      'no-restricted-globals',
      'no-restricted-globals',
      'no-restricted-properties',
    ]);
    // The scheduler itself, the tests and the client may use them.
    expect(await lint('server/src/util/scheduler.ts', code)).toEqual([]);
    expect(await lint('server/src/classroom/example.test.ts', code)).toEqual([]);
    expect(await lint('client/src/example.ts', code)).toEqual([]);
  });
});
