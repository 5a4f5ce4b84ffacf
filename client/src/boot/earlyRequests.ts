/**
 * The answers a board page waits for before anything else (the run-time config and, on a student's class
 * page, who the student is and the class view) are asked for by a small inline script while the HTML is
 * parsed, not once the first bundle has downloaded, evaluated and rendered: that is about 150 ms later at
 * full speed and four times that on a throttled Chromebook, all spent before the board's socket can open.
 * The typed client then takes an early answer instead of asking again (`api/earlyAnswers.ts`).
 *
 * `startEarlyRequests` is written into the page as source text (`inlineEarlyRequests.ts` in the client's
 * root), so it must be self-contained: it reads nothing from this module's scope, only its `plan`, and
 * computes shards and keys itself. `earlyRequests.test.ts` checks that what it sends and how it files each
 * answer match what the typed client asks for. A page where it does not run (a strict CSP, a navigation
 * inside the app) simply asks as before.
 */

/** What the script needs from the wire contract and the client, passed in at build time. */
export interface EarlyRequestPlan {
  apiPrefix: string;
  shardParam: string;
  shardCount: number;
  joinCodeAlphabet: string;
  joinCodeLength: number;
  /** A student's token is stored under prefix + class id + suffix. */
  studentTokenKey: readonly [string, string];
}

/** The answers in flight, by `earlyAnswerKey`, and when the page asked for them. */
export interface EarlyAnswers {
  askedAt: number;
  answers: Map<string, Promise<Response>>;
}

export interface EarlyWindow {
  location: { pathname: string };
  localStorage: Pick<Storage, 'getItem'>;
  fetch: typeof fetch;
  performance: { now(): number };
  __conjectureEarly?: EarlyAnswers;
}

/** How an answer is filed: method, path without the query (the shard in it only routes), bearer token. */
export const earlyAnswerKey = (method: string, pathname: string, authorization: string) =>
  `${method} ${pathname} ${authorization}`;

// Self-contained, see above; no named inner functions either (a bundler's keepNames would wrap them in a
// helper the page does not have).
export function startEarlyRequests(plan: EarlyRequestPlan, win: EarlyWindow): void {
  const page = /^\/(class|b)\/([A-Za-z0-9_-]+)\/?$/.exec(win.location.pathname);
  if (!page) return;
  const early: EarlyAnswers = { askedAt: win.performance.now(), answers: new Map() };
  win.__conjectureEarly = early;
  const ask = (path: string, routingKey: string | null, token: string | null) => {
    let shard = Math.floor(Math.random() * plan.shardCount);
    if (routingKey) {
      // The shard of a routing key, as shared/domain/shards.ts computes it: FNV-1a of the key, or of the
      // join code it spells.
      const code = routingKey.toUpperCase().replace(/[\s-]/g, '');
      const isCode =
        code.length === plan.joinCodeLength && [...code].every((c) => plan.joinCodeAlphabet.includes(c));
      const text = isCode ? code : routingKey;
      let hash = 0x811c9dc5;
      for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
      shard = hash % plan.shardCount;
    }
    const authorization = token ? `Bearer ${token}` : '';
    const answer = win.fetch(`${plan.apiPrefix}${path}?${plan.shardParam}=${shard}`, {
      method: 'GET',
      headers: token ? { Authorization: authorization } : {},
    });
    // Whoever takes the answer handles its failure; one nobody takes must not be reported as unhandled.
    answer.catch(() => undefined);
    early.answers.set(`GET ${plan.apiPrefix}${path} ${authorization}`, answer);
  };
  ask('/config', null, null);
  const classId = page[2] as string;
  let token: string | null = null;
  try {
    token = page[1] === 'class' ? win.localStorage.getItem(plan.studentTokenKey.join(classId)) : null;
  } catch {
    // Storage refused (a privacy setting): the page will find no token either.
  }
  if (!token) return;
  const dot = token.indexOf('.');
  ask('/me', dot > 0 ? token.slice(0, dot) : null, token);
  ask(`/classes/${classId}/view`, classId, token);
}

/** The inline script's text: the function above, called with the plan and the page's window. */
export function earlyRequestsScript(plan: EarlyRequestPlan): string {
  return `(${startEarlyRequests.toString()})(${JSON.stringify(plan)}, window);`;
}
