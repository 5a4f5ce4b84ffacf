import { expect, it } from 'vitest';
import { PostgresMirror } from '../storage/postgres/postgresMirror.js';
import { describePostgres, freshDatabaseUrl } from '../test/postgres.js';
import { ClusterDatabase } from './clusterDatabase.js';

const MEMBERS = 6;

describePostgres('a cluster starting on a fresh database', () => {
  it('sets up its tables and schemas once when every member starts at the same moment', async () => {
    const url = await freshDatabaseUrl();
    const opened = await Promise.all(Array.from({ length: MEMBERS }, () => ClusterDatabase.open(url)));
    try {
      const keys = await Promise.all(opened.map((db) => db.signingKey()));
      expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(1);
      // Every member opening the same shards at once, then each shard's mirror migrating its schema.
      const shards = [0, 1, 2];
      const urls = await Promise.all(opened.flatMap((db) => shards.map((s) => db.shardUrl(s))));
      const distinct = [...new Set(urls)];
      expect(distinct).toHaveLength(shards.length);
      const mirrors = await Promise.all(distinct.map((u) => PostgresMirror.open({ url: u, tryLock: true })));
      await Promise.all(mirrors.map(async (m) => (await m.close(), m.db.close())));
    } finally {
      await Promise.all(opened.map((db) => db.close()));
    }
  });
});
