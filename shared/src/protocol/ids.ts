import { z } from 'zod';
import { lazySchema } from '../lazySchema.js';

/** Board ids are URL- and path-safe, so they can name a Yjs room and a database key without escaping. */
export const BoardIdSchema = lazySchema(() =>
  z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'a board id is 6–64 letters, digits, "-" or "_"'),
);
export type BoardId = z.infer<typeof BoardIdSchema>;

/** Opaque user ids: boards and awareness carry only these, never display names. */
export const UserIdSchema = lazySchema(() =>
  z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a user id is 1–64 letters, digits, "-" or "_"'),
);
export type UserId = z.infer<typeof UserIdSchema>;

export const AssetIdSchema = lazySchema(() => z.string().regex(/^[A-Za-z0-9_-]{10,64}$/));
export type AssetId = z.infer<typeof AssetIdSchema>;

/**
 * Random, made once per intent (a join form, a click) and sent again on every retry of its request: a retry of
 * one that was stored but not answered (a lost answer, a 503 while a class moves between servers) is answered
 * with what the first made, not made twice.
 */
export const AttemptIdSchema = lazySchema(() =>
  z
    .string()
    .min(16)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
);
