import { describe, expect, it } from 'vitest';
import { classAnnouncement, questionAnnouncement } from './classAnnouncements.js';

const at = (groupName: string | null, paused = false) => ({ groupName, paused });

describe('class announcements', () => {
  it('says nothing on first load or when nothing changed', () => {
    expect(classAnnouncement(null, at('Group 1', true))).toBeNull();
    expect(classAnnouncement(at('Group 1'), at('Group 1'))).toBeNull();
  });

  it('announces a pause and a resume', () => {
    expect(classAnnouncement(at('Group 1'), at('Group 1', true))).toBe(
      'Your teacher paused the class. Your board is read-only.',
    );
    expect(classAnnouncement(at('Group 1', true), at('Group 1'))).toBe(
      'The class resumed. You can work on your board again.',
    );
  });

  it('announces being grouped, moved and ungrouped', () => {
    expect(classAnnouncement(at(null), at('Group 1'))).toBe('Your teacher put you in Group 1.');
    expect(classAnnouncement(at('Group 1'), at('Tigers'))).toBe('Your teacher moved you to Tigers.');
    expect(classAnnouncement(at('Tigers'), at(null))).toBe('You are no longer in a group.');
    expect(classAnnouncement(at('Group 1'), at('Group 2', true))).toBe(
      'Your teacher moved you to Group 2. Your teacher paused the class. Your board is read-only.',
    );
  });

  it('reads a question with its text', () => {
    expect(questionAnnouncement(' Why? ')).toBe('Your teacher asked a question: Why?');
  });
});
