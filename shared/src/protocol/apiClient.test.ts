import { describe, expect, it } from 'vitest';
import { ApiRequestError, SERVER_DID_NOT_ANSWER, createApiClient } from './apiClient.js';

/** A client whose every call is answered with `answer`, as a network in between might answer it. */
const answeredWith = (answer: () => Response) =>
  createApiClient({ origin: 'http://127.0.0.1:1', fetch: () => Promise.resolve(answer()) });

const portalPage = (status: number) =>
  new Response('<!doctype html><title>Sign in to School Wi-Fi</title>', {
    status,
    headers: { 'Content-Type': 'text/html' },
  });

const failureOf = async (call: Promise<unknown>): Promise<ApiRequestError> => {
  const error: unknown = await call.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiRequestError))
    throw new Error(`expected an ApiRequestError, got ${String(error)}`);
  return error;
};

describe('the API client, when something else answers in place of the server', () => {
  it('takes a captive portal’s HTML login page (200, 302 followed, or 511) as no answer from the server', async () => {
    for (const status of [200, 511]) {
      const error = await failureOf(answeredWith(() => portalPage(status)).config());
      expect(error.code).toBe('network');
      expect(error.message).toBe(SERVER_DID_NOT_ANSWER);
      expect(error.status).toBe(status);
    }
  });

  it('still passes on the server’s own refusals and a JSON answer that does not match the contract', async () => {
    const refused = await failureOf(
      answeredWith(() =>
        Response.json({ code: 'not_found', message: 'no such class' }, { status: 404 }),
      ).join({
        body: { joinCode: 'ABCDEF', displayName: 'Ada' },
      }),
    );
    expect([refused.code, refused.message]).toEqual(['not_found', 'no such class']);
    const mismatched = await failureOf(answeredWith(() => Response.json({ unexpected: true })).config());
    expect(mismatched.code).toBe('bad_response');
  });
});
