import { earlyAnswerKey, type EarlyWindow } from '../boot/earlyRequests.js';

/**
 * An early answer older than this is not taken: the page asks again rather than show what was true when
 * it was opened (a request made that late is not one the page was waiting for at load).
 */
export const EARLY_ANSWER_TTL_MS = 10_000;

/**
 * A `fetch` for the typed client that takes the inline script's answer to the same request when there is
 * one (`boot/earlyRequests.ts`), once, and otherwise fetches. Only the first ask is served early: every
 * later one (a reload on reconnect, a refresh) goes to the server.
 */
export function fetchPreferringEarly(
  win: EarlyWindow & { location: { href: string } } = globalThis as unknown as EarlyWindow & Window,
): typeof fetch {
  return (input, init) => {
    const early = win.__conjectureEarly;
    if (early && win.performance.now() - early.askedAt <= EARLY_ANSWER_TTL_MS) {
      const url = new URL(input instanceof Request ? input.url : String(input), win.location.href);
      const headers = new Headers(init?.headers);
      const key = earlyAnswerKey(init?.method ?? 'GET', url.pathname, headers.get('Authorization') ?? '');
      const answer = early.answers.get(key);
      if (answer) {
        early.answers.delete(key);
        return answer;
      }
    }
    return win.fetch(input, init);
  };
}
