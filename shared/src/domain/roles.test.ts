import { describe, expect, it } from 'vitest';
import { can, CAPABILITIES } from './roles.js';

describe('can(role, capability)', () => {
  it('lets the teacher run the class and students only work in their group', () => {
    expect(can('teacher', 'class.pause')).toBe(true);
    expect(can('teacher', 'boards.writeAny')).toBe(true);
    expect(can('student', 'class.pause')).toBe(false);
    expect(can('student', 'boards.writeAny')).toBe(false);
    expect(can('student', 'boards.viewAll')).toBe(false);
    expect(can('student', 'boards.writeOwnGroup')).toBe(true);
  });

  it('keeps the projector strictly view-only', () => {
    const allowed = CAPABILITIES.filter((c) => can('projector', c));
    expect(allowed).toEqual(['boards.viewAll']);
  });

  it('gives no role the roster but the teacher', () => {
    expect(can('teacher', 'roster.view')).toBe(true);
    expect(can('student', 'roster.view')).toBe(false);
    expect(can('projector', 'roster.view')).toBe(false);
  });
});
