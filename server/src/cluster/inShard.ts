import { idInShard } from '@conjecture/shared';

/**
 * Makes a new routing id (class, board, join code, session, asset) lie in one shard, so a request that
 * carries any of them reaches the process that owns the class (docs/scale-out.md).
 */
export type InShard = (make: () => string) => string;

/** One process owning everything: any id will do. */
export const anyId: InShard = (make) => make();

export const inShard =
  (shard: number): InShard =>
  (make) =>
    idInShard(shard, make);
