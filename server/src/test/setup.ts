import { afterEach } from 'vitest';
import { runCleanups } from './cleanup.js';

/**
 * The server project's setup (vitest.config.ts). After every test its clients and servers are closed, and a
 * server that still holds a timer once closed fails that test (startTestServer checks its recording clock).
 *
 * Why that is enough for "any error after close fails the run": vitest fails the run on an uncaught exception
 * or unhandled rejection while a test file runs, but one that comes after the file's last test is lost with
 * its worker. Every timer a server starts goes through its Scheduler (a lint rule forbids the others), and
 * this check proves each test's servers left none: so nothing of a closed server can run later, seen or not.
 */
afterEach(runCleanups);
