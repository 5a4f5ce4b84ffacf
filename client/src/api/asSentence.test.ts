import { describe, expect, it } from 'vitest';
import { asSentence } from './asSentence.js';

describe('a server message shown as a sentence', () => {
  it('starts with a capital and ends with a full stop', () => {
    expect(asSentence('the teacher has closed joining')).toBe('The teacher has closed joining.');
  });
});
