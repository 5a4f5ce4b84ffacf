import { describe, expect, it } from 'vitest';
import { drawnGroupSentence, listOfNames } from './drawnGroupWords.js';

describe('the words for a group drawn at random', () => {
  it('lists names as a sentence does', () => {
    expect(listOfNames([])).toBe('');
    expect(listOfNames(['Ana'])).toBe('Ana');
    expect(listOfNames(['Ana', 'Ben'])).toBe('Ana and Ben');
    expect(listOfNames(['Ana', 'Ben', 'Cy'])).toBe('Ana, Ben and Cy');
  });

  it('tells the student their group was drawn and who is in it', () => {
    expect(drawnGroupSentence(['Ben', 'Cy'])).toBe(
      'Your group was drawn at random: you are with Ben and Cy.',
    );
    expect(drawnGroupSentence([])).toBe('Your group was drawn at random.');
  });
});
