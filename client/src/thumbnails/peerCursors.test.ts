import { describe, expect, it } from 'vitest';
import { CURSOR_IDLE_MS, cursorsMarkup, peerCursors } from './peerCursors.js';

const state = (id: string, x: number, y: number) => ({
  user: { id, color: '#123456' },
  presence: { cursor: { x, y, type: 'default', rotation: 0 }, userName: '' },
});
const names: Record<string, string> = { 'student-1': 'Student A' };
const resolve = (id: string) => names[id] ?? 'Someone';
const color = () => '#e03131';

describe('peerCursors', () => {
  it('names each peer’s cursor with this viewer’s resolver, never what the peer sent, and skips its own', () => {
    const states = new Map<number, unknown>([
      [1, state('student-1', 10, 20)],
      [2, state('projector', 0, 0)],
      [3, { user: { id: 'x', color: 'red' } }], // invalid: skipped
    ]);
    const cursors = peerCursors(states, 2, resolve, new Map(), 1000, color);
    expect(cursors).toEqual([{ clientId: 1, x: 10, y: 20, name: 'Student A', color: '#e03131' }]);
  });

  it('hides a cursor that has not moved for the idle time, and shows it again when it moves', () => {
    const moved = new Map();
    const at = (x: number) => new Map<number, unknown>([[1, state('student-1', x, 0)]]);
    expect(peerCursors(at(5), 0, resolve, moved, 0, color)).toHaveLength(1);
    expect(peerCursors(at(5), 0, resolve, moved, CURSOR_IDLE_MS + 1, color)).toHaveLength(0);
    expect(peerCursors(at(6), 0, resolve, moved, CURSOR_IDLE_MS + 2, color)).toHaveLength(1);
  });
});

describe('cursorsMarkup', () => {
  it('draws the name escaped, at a constant size on screen', () => {
    const markup = cursorsMarkup([{ clientId: 1, x: 0, y: 0, name: 'A <b>', color: '#000' }], 0.5);
    expect(markup).toContain('A &lt;b&gt;');
    expect(markup).toContain('scale(2)');
  });
});
