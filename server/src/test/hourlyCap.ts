import { expect } from 'vitest';
import { startTestServer } from './testServer.js';

/**
 * Checks an hourly per-address cap of making things without an account (`setting` set to 3, behind a trusted
 * proxy, on a clock that stands still so nothing refills): three made from one address, the fourth refused
 * with 429, Retry-After and a sentence, and another address behind the same proxy making its own.
 */
export async function expectHourlyCapPerAddress(setting: string, path: string, body: object): Promise<void> {
  const server = await startTestServer({ [setting]: '3', TRUST_PROXY: '1' }, { now: () => 1_000_000 });
  const make = (from: string) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify(body),
    });
  const statuses = [];
  for (let i = 0; i < 3; i++) statuses.push((await make('203.0.113.7')).status);
  expect(statuses).toEqual([201, 201, 201]);
  const refused = await make('203.0.113.7');
  expect(refused.status).toBe(429);
  expect(refused.headers.get('retry-after')).toBe('1200');
  expect(await refused.json()).toMatchObject({ code: 'rate_limited', message: /at most 3 an hour/ });
  expect((await make('198.51.100.9')).status).toBe(201);
}
