import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/http.js';
import { JOIN_REFUSED, SERVER_DID_NOT_ANSWER } from '@conjecture/shared';
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

  it('when the server did not answer (no network, or a captive portal’s page), says to check the Wi-Fi', () => {
    for (const error of [
      new ApiRequestError('network', 'Failed to fetch'),
      new ApiRequestError('network', SERVER_DID_NOT_ANSWER, 200),
    ])
      expect(joinErrorOf(error)).toEqual({
        field: null,
        text: "Can't reach Conjecture. Check the Wi-Fi — a school network may ask you to sign in first — and try again.",
      });
  });
});
