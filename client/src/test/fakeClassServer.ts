import { API_PREFIX, type ApiError } from '@conjecture/shared';

type Answer = { status: number; body: unknown };

/**
 * The class's REST routes as a `fetch` (stub it as the global one): `answers` maps "METHOD /path" (without
 * the API prefix or the query) to its answer; `refuseAll` makes every call a refusal, as for a session the
 * server no longer accepts (`refuseAll(null)` answers again); `behindPortal(true)` answers every call with a captive portal's HTML login page
 * in the server's place, until `behindPortal(false)`; `asked(route)` counts the calls to a route.
 */
export function fakeClassServer(answers: Record<string, unknown>) {
  let refusal: { status: number; error: ApiError } | null = null;
  let portal = false;
  const calls = new Map<string, number>();
  const fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://class.test');
    const route = `${init?.method ?? 'GET'} ${url.pathname.slice(API_PREFIX.length)}`;
    calls.set(route, (calls.get(route) ?? 0) + 1);
    if (portal)
      return Promise.resolve(
        new Response('<!doctype html><title>Sign in to School Wi-Fi</title>', {
          status: 200,
          headers: { 'Content-Type': 'text/html' },
        }),
      );
    const answer: Answer = refusal
      ? { status: refusal.status, body: refusal.error }
      : route in answers
        ? { status: 200, body: answers[route] }
        : { status: 404, body: { code: 'not_found', message: `no route ${route}` } };
    return Promise.resolve(
      new Response(JSON.stringify(answer.body), {
        status: answer.status,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
  };
  return {
    fetch,
    refuseAll: (error: ApiError | null, status = 401) => {
      refusal = error ? { status, error } : null;
    },
    behindPortal: (on: boolean) => {
      portal = on;
    },
    asked: (route: string) => calls.get(route) ?? 0,
  };
}
