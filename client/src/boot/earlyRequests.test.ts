import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { IndexHtmlTransformContext, Plugin } from 'vite';
import { createApiClient, shardOf, SHARD_PARAM } from '@conjecture/shared';
import { EARLY_REQUEST_PLAN, inlineEarlyRequests } from '../../inlineEarlyRequests.js';
import { EARLY_ANSWER_TTL_MS, fetchPreferringEarly } from '../api/earlyAnswers.js';
import { studentTokenKey } from '../classroom/storageKeys.js';
import { earlyRequestsScript, type EarlyWindow } from './earlyRequests.js';

const CLASS_ID = 'yVM-9DJBsaG3';
const TOKEN = 'sess_4f9Qx2.c2lnbmF0dXJl';
const CONFIG = { protocolVersion: 3, tldrawLicenseKey: null, maxUpdateBytes: 1, maxAssetBytes: 2 };

type Sent = { url: string; authorization: string | null };

/** A page's window with a recording `fetch` that answers every request with the config's body. */
function fakePage(pathname: string, stored: Record<string, string> = {}) {
  const sent: Sent[] = [];
  let now = 5;
  const page: EarlyWindow & { location: { pathname: string; href: string } } = {
    location: { pathname, href: `http://127.0.0.1:4000${pathname}` },
    localStorage: { getItem: (key) => stored[key] ?? null },
    fetch: (input, init) => {
      const authorization = new Headers(init?.headers).get('Authorization');
      sent.push({ url: String(input), authorization });
      return Promise.resolve(Response.json(CONFIG));
    },
    performance: { now: () => now },
  };
  return {
    page,
    sent,
    later: (ms: number) => (now += ms),
    /** Runs the inline script as the page would: its source text, in a fresh realm with only `window`. */
    load: () => vm.runInNewContext(earlyRequestsScript(EARLY_REQUEST_PLAN), { window: page }) as void,
  };
}

/** What the typed client itself sends for the same calls. */
async function typedClientSends(token: string) {
  const sent: Sent[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    sent.push({ url: String(input), authorization: new Headers(init?.headers).get('Authorization') });
    return Promise.resolve(Response.json(null, { status: 500 }));
  };
  const withToken = createApiClient({ headers: { Authorization: `Bearer ${token}` }, fetch });
  await withToken.me().catch(() => undefined);
  await withToken.classView({ params: { classId: CLASS_ID } }).catch(() => undefined);
  await createApiClient({ fetch })
    .config()
    .catch(() => undefined);
  return sent;
}

const withoutShard = (url: string) => url.replace(new RegExp(`[?&]${SHARD_PARAM}=\\d+`), '');

describe('the requests a class page sends before its first bundle runs', () => {
  it('are the typed client’s own: same paths, shards and token', async () => {
    const { sent, load } = fakePage(`/class/${CLASS_ID}`, { [studentTokenKey(CLASS_ID)]: TOKEN });
    load();
    const typed = await typedClientSends(TOKEN);
    expect(sent.slice(1)).toEqual(typed.slice(0, 2)); // /me and the class view, shard included
    // The config has no routing key: any shard will do, the rest is the same.
    expect({ ...sent[0], url: withoutShard(sent[0]?.url ?? '') }).toEqual({
      ...typed[2],
      url: withoutShard(typed[2]?.url ?? ''),
    });
  });

  it('route every session id as the load balancer does, join-code look-alikes included', () => {
    for (const sessionId of ['a', 'ACD-EFG', 'acdefg', 'x'.repeat(40), 'Q7-w_9', 'CDEFGH ', '346793']) {
      const { sent, load } = fakePage(`/class/${CLASS_ID}`, {
        [studentTokenKey(CLASS_ID)]: `${sessionId}.sig`,
      });
      load();
      expect(sent[1]?.url).toBe(`/api/me?${SHARD_PARAM}=${shardOf(sessionId)}`);
    }
  });

  it('ask only for the config on a board outside a class, and without a stored token', () => {
    for (const pathname of ['/b/board123', `/class/${CLASS_ID}`]) {
      const { sent, load } = fakePage(pathname);
      load();
      expect(sent.map((s) => withoutShard(s.url))).toEqual(['/api/config']);
    }
  });

  it('are not sent from any other page', () => {
    for (const pathname of ['/', '/join', `/teach/${CLASS_ID}`, `/project/${CLASS_ID}`, '/class/a/b']) {
      const { sent, page, load } = fakePage(pathname, { [studentTokenKey(CLASS_ID)]: TOKEN });
      load();
      expect(sent).toEqual([]);
      expect(page.__conjectureEarly).toBeUndefined();
    }
  });
});

describe('the typed client with the early answers', () => {
  it('takes each early answer once, then asks the server', async () => {
    const { sent, page, load } = fakePage(`/class/${CLASS_ID}`, { [studentTokenKey(CLASS_ID)]: TOKEN });
    load();
    const api = createApiClient({ fetch: fetchPreferringEarly(page) });
    expect(await api.config()).toEqual(CONFIG);
    expect(sent).toHaveLength(3); // nothing new: the early answer was taken
    expect(await api.config()).toEqual(CONFIG);
    expect(sent).toHaveLength(4);
  });

  it('does not take an answer asked with another token', async () => {
    const { sent, page, load } = fakePage(`/class/${CLASS_ID}`, { [studentTokenKey(CLASS_ID)]: TOKEN });
    load();
    const other = createApiClient({
      headers: { Authorization: 'Bearer other.sig' },
      fetch: fetchPreferringEarly(page),
    });
    await other.me().catch(() => undefined);
    expect(sent).toHaveLength(4);
    expect(sent[3]?.authorization).toBe('Bearer other.sig');
  });

  it('asks again once the early answers are older than the page would wait for', async () => {
    const { sent, page, load, later } = fakePage(`/class/${CLASS_ID}`);
    load();
    later(EARLY_ANSWER_TTL_MS + 1);
    await createApiClient({ fetch: fetchPreferringEarly(page) }).config();
    expect(sent).toHaveLength(2);
  });

  it('reports a failed early request as the call’s own network error', async () => {
    const { page, load } = fakePage(`/class/${CLASS_ID}`);
    page.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    load();
    await expect(createApiClient({ fetch: fetchPreferringEarly(page) }).config()).rejects.toMatchObject({
      code: 'network',
    });
  });
});

describe('the inline script in the built page', () => {
  it('comes right after the charset, before the entry and every stylesheet', () => {
    const plugin = inlineEarlyRequests() as Plugin & {
      transformIndexHtml: { handler: (html: string, ctx: Partial<IndexHtmlTransformContext>) => string };
    };
    const html = [
      '<html>',
      '  <head>',
      '    <meta charset="UTF-8" />',
      '    <script type="module" src="/index.js"></script>',
      '    <link rel="stylesheet" href="/index.css">',
      '  </head>',
      '</html>',
    ].join('\n');
    const page = plugin.transformIndexHtml.handler(html, {});
    const at = (text: string) => page.indexOf(text);
    expect(
      page.startsWith(
        '<html>\n  <head>\n    <meta charset="UTF-8" />\n    <script>(function startEarlyRequests(',
      ),
    ).toBe(true);
    expect(at('})({"apiPrefix":"/api"')).toBeLessThan(at('<script type="module"'));
  });
});
