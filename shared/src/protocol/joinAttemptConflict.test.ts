import { describe, expect, it } from 'vitest';
import { JOIN_ATTEMPT_CONFLICT, nameAttemptJoinedAs } from './classroom.js';

describe('the name a join attempt already joined under, read back from its refusal', () => {
  it('reads the name the server put in, whatever the name holds and whatever follows it', () => {
    for (const name of ['Ana', 'Ana "AJ" P.', 'Zoë', ''])
      expect(nameAttemptJoinedAs(`${JOIN_ATTEMPT_CONFLICT.joinedAs(name)}: go on under that name`)).toBe(
        name === '' ? null : name,
      );
  });

  it('reads nothing from any other refusal', () => {
    for (const message of [
      'someone in this class is already called "Ana": add an initial',
      `${JOIN_ATTEMPT_CONFLICT.removed}: reload the page to join again`,
      'this join form already joined',
    ])
      expect(nameAttemptJoinedAs(message)).toBeNull();
  });
});
