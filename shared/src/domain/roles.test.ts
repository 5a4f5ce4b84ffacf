import { describe, expect, it } from 'vitest';
import { can, canNow, CAPABILITIES, SUSPENDED_WHILE_PAUSED } from './roles.js';

describe('can(role, capability)', () => {
  it('lets the teacher run the class and students only work in their group', () => {
    expect(can('teacher', 'class.pause')).toBe(true);
    expect(can('teacher', 'boards.writeAny')).toBe(true);
    expect(can('student', 'class.pause')).toBe(false);
    expect(can('student', 'boards.writeAny')).toBe(false);
    expect(can('student', 'boards.viewAll')).toBe(false);
    expect(can('student', 'boards.writeOwnGroup')).toBe(true);
  });

  it('keeps the projector view-only, but for stepping through a presented plan', () => {
    const allowed = CAPABILITIES.filter((c) => can('projector', c));
    expect(allowed).toEqual([
      'joinCode.view',
      'boards.viewAll',
      'snapshots.view',
      'discussion.view',
      'discussion.present',
    ]);
  });

  it('gives no role the roster but the teacher and a coach', () => {
    expect(can('teacher', 'roster.view')).toBe(true);
    expect(can('coach', 'roster.view')).toBe(true);
    expect(can('student', 'roster.view')).toBe(false);
    expect(can('projector', 'roster.view')).toBe(false);
  });

  it('lets a coach read the evidence and nothing else: no change, no live board, no way to join', () => {
    const allowed = CAPABILITIES.filter((c) => can('coach', c));
    expect(allowed).toEqual([
      'roster.view',
      'tags.viewAll',
      'snapshots.view',
      'discussion.view',
      'evidence.view',
      'reflections.view',
      'evidence.export',
    ]);
  });
});

describe('canNow(role, capability, phase)', () => {
  it('suspends students’ work, answers and hands while the class is paused or ended', () => {
    for (const phase of [{ paused: true }, { paused: false, ended: true }]) {
      expect(canNow('student', 'questions.answer', phase)).toBe(false);
      expect(canNow('student', 'hands.raise', phase)).toBe(false);
      expect(canNow('student', 'boards.writeOwnGroup', phase)).toBe(false);
    }
    expect(canNow('student', 'questions.answer', { paused: false })).toBe(true);
    expect(canNow('student', 'hands.raise', { paused: false, ended: false })).toBe(true);
  });

  it('never suspends the teacher, and never grants what can() denies', () => {
    for (const c of CAPABILITIES) {
      expect(canNow('teacher', c, { paused: true, ended: true })).toBe(can('teacher', c));
      expect(canNow('projector', c, { paused: false })).toBe(can('projector', c));
    }
    for (const c of SUSPENDED_WHILE_PAUSED) expect(can('teacher', c)).toBe(false);
  });
});
