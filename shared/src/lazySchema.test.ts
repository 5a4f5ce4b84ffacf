import { describe, expect, it } from 'vitest';
import { z } from 'zod';
// The wire contract first, before anything in this file can build a schema.
import { routes } from './protocol/routes.js';
import { clientEvents } from './protocol/events.js';
import { lazySchema, lazySchemasBuilt } from './lazySchema.js';

describe('lazySchema', () => {
  it('importing the wire contract (routes, socket events) builds none of its schemas', () => {
    expect(Object.keys(routes).length).toBeGreaterThan(50);
    expect(Object.keys(clientEvents).length).toBeGreaterThan(5);
    expect(lazySchemasBuilt()).toBe(0);
  });

  it('builds on first use, once', () => {
    let builds = 0;
    const Name = lazySchema(() => {
      builds += 1;
      return z.string().min(1);
    });
    expect(builds).toBe(0);
    expect(Name.safeParse('Ada').success).toBe(true);
    expect(Name.safeParse('').success).toBe(false);
    expect(builds).toBe(1);
  });

  it('behaves as the schema it builds: parse errors, composition, shape, instanceof, derived schemas', () => {
    const Point = lazySchema(() => z.object({ x: z.number(), y: z.number() }).strict());
    const Labelled = lazySchema(() => Point.extend({ label: z.string() }));
    const Shapes = z.array(Labelled).max(2);

    expect(Labelled.parse({ x: 1, y: 2, label: 'A' })).toEqual({ x: 1, y: 2, label: 'A' });
    expect(() => Point.parse({ x: 1 })).toThrow(z.ZodError);
    expect(Shapes.safeParse([{ x: 0, y: 0, label: 'O' }]).success).toBe(true);
    expect(Shapes.safeParse([{ x: 0, y: 0 }]).success).toBe(false);
    expect(Object.keys(Point.shape)).toEqual(['x', 'y']);
    expect(Point instanceof z.ZodObject).toBe(true);
    expect(Point.optional().parse(undefined)).toBeUndefined();
    expect(Point.pick({ x: true }).parse({ x: 3 })).toEqual({ x: 3 });
  });

  it('is the same object at every use (identity holds for maps keyed by schema)', () => {
    const Id = lazySchema(() => z.string());
    const seen = new Map([[Id, 'id']]);
    Id.parse('a');
    expect(seen.get(Id)).toBe('id');
  });

  it('a schema whose build throws throws at its first use, and again at the next', () => {
    const Broken = lazySchema((): z.ZodString => {
      throw new Error('bad schema');
    });
    expect(() => Broken.parse('a')).toThrow('bad schema');
    expect(() => Broken.parse('a')).toThrow('bad schema');
  });
});
