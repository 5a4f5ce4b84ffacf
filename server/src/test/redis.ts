import { describe } from 'vitest';

/**
 * Redis for tests: `TEST_REDIS_URL` names a throwaway Redis (scripts/test-all.sh starts one with
 * scripts/redis-for-tests.sh). Without it the Redis suites are skipped, and their names say so.
 */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL;

const SKIPPED = ' (skipped: set TEST_REDIS_URL to run against Redis)';
export const describeRedis = (name: string, body: () => void) =>
  describe.skipIf(!TEST_REDIS_URL)(TEST_REDIS_URL ? name : name + SKIPPED, body);
