import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/http.js';
import { JOIN_REFUSED } from '@conjecture/shared';
import { joinErrorOf } from './joinErrors.js';

const forbidden = (message: string) => new ApiRequestError('forbidden', message);

describe('the join page’s words for a refused join', () => {
  it('says what to do when the class has ended or joining is closed, from the contract’s refusals', () => {
    expect(joinErrorOf(forbidden(JOIN_REFUSED.ended))).toEqual({
      field: null,
      text: 'This class has ended. Ask your teacher to reopen it.',
    });
    expect(joinErrorOf(forbidden(JOIN_REFUSED.closed))).toEqual({
      field: null,
      text: 'Your teacher has closed joining. Ask them to open it again.',
    });
  });

  it('passes any other refusal on in its own words, whatever words it happens to share', () => {
    for (const message of ['joining is suspended for this class', 'the class is full: ask your teacher'])
      expect(joinErrorOf(forbidden(message)).text).toBe(
        `${message.charAt(0).toUpperCase()}${message.slice(1)}.`,
      );
  });
});
