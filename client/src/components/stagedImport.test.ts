import { describe, expect, it } from 'vitest';
import { stagedImport } from './stagedImport.js';

/** Records what ran, in order: each stage's import, each task boundary and the last import. */
function recorder() {
  const log: string[] = [];
  const step =
    (name: string, fail = false) =>
    () =>
      Promise.resolve().then(() => {
        log.push(name);
        if (fail) throw new Error(`${name} failed`);
        return name;
      });
  const yieldTask = () => Promise.resolve().then(() => void log.push('—task—'));
  return { log, step, yieldTask };
}

describe('stagedImport', () => {
  it('imports each stage in a task of its own, in order, before the last', async () => {
    const { log, step, yieldTask } = recorder();
    const load = stagedImport([step('tiptap'), step('editor')], step('board'), yieldTask);
    await expect(load()).resolves.toBe('board');
    expect(log).toEqual(['tiptap', '—task—', 'editor', '—task—', 'board']);
  });

  it('shares one load between callers', async () => {
    const { log, step, yieldTask } = recorder();
    const load = stagedImport([step('tiptap')], step('board'), yieldTask);
    const [a, b] = await Promise.all([load(), load()]);
    expect([a, b]).toEqual(['board', 'board']);
    await load();
    expect(log).toEqual(['tiptap', '—task—', 'board']);
  });

  it('tries again after a failed load instead of keeping the failure', async () => {
    const { log, step, yieldTask } = recorder();
    let offline = true;
    const tiptap = step('tiptap');
    const load = stagedImport(
      [() => (offline ? step('tiptap (offline)', true)() : tiptap())],
      step('board'),
      yieldTask,
    );
    await expect(load()).rejects.toThrow('tiptap (offline) failed');
    offline = false;
    await expect(load()).resolves.toBe('board');
    expect(log).toEqual(['tiptap (offline)', 'tiptap', '—task—', 'board']);
  });
});
