import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const sharedSrc = fileURLToPath(new URL('./shared/src/', import.meta.url));

// Tests run against the TypeScript sources of @conjecture/shared, not its build output.
// Timeouts are hang guards sized for a busy 2-core machine (child processes, real servers), not speed checks.
const HANG_GUARD_MS = 30_000;
const alias = [
  { find: /^@conjecture\/shared$/, replacement: `${sharedSrc}index.ts` },
  { find: /^@conjecture\/shared\/(.*)$/, replacement: `${sharedSrc}$1` },
];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'shared',
          include: ['shared/src/**/*.test.ts'],
          environment: 'node',
          testTimeout: HANG_GUARD_MS,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'server',
          include: ['server/src/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['server/src/test/setup.ts'],
          testTimeout: HANG_GUARD_MS,
          hookTimeout: HANG_GUARD_MS,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'client',
          include: ['client/src/**/*.test.{ts,tsx}'],
          environment: 'node',
          testTimeout: HANG_GUARD_MS,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'bench',
          include: ['bench/**/*.test.ts'],
          environment: 'node',
          testTimeout: HANG_GUARD_MS,
        },
      },
    ],
  },
});
