import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { routePath, routes, type RouteSpec } from './routes.js';

const API_DOC = path.resolve(import.meta.dirname, '../../../docs/api.md');
/** Routes mounted outside the JSON table (binary uploads and downloads), documented by hand. */
const NOT_JSON = new Set(['POST /assets', 'GET /assets/:assetId']);

/** Every `METHOD /path` written in backticks in docs/api.md (`/api` and a `[?query]` suffix dropped). */
function documentedRoutes(doc: string): Set<string> {
  const found = new Set<string>();
  for (const [, method, route] of doc.matchAll(/`(GET|POST|PUT|PATCH|DELETE) (\/[^\s`?[]*)/g))
    found.add(`${method} ${(route ?? '').replace(/^\/api(?=\/)/, '')}`);
  return found;
}

describe('the routes table', () => {
  const table = Object.values(routes as Record<string, RouteSpec>).map((r) => `${r.method} ${r.path}`);

  it('is what docs/api.md documents: no route missing from the docs, none documented that does not exist', () => {
    const documented = documentedRoutes(fs.readFileSync(API_DOC, 'utf8'));
    expect(table.filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !table.includes(r) && !NOT_JSON.has(r))).toEqual([]);
  });

  it('has one entry per method and path', () => {
    expect(new Set(table).size).toBe(table.length);
  });

  it('builds concrete paths, encoding parameters', () => {
    expect(routePath(routes.renameGroup, { classId: 'c1', groupId: 'g/1' })).toBe('/classes/c1/groups/g%2F1');
    expect(() => routePath(routes.renameGroup, { classId: 'c1' })).toThrow(/groupId/);
  });
});
