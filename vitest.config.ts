import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const sharedSrc = fileURLToPath(new URL('./shared/src/', import.meta.url));

// Tests run against the TypeScript sources of @conjecture/shared, not its build output.
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
        test: { name: 'shared', include: ['shared/src/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: {
          name: 'server',
          include: ['server/src/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: { name: 'client', include: ['client/src/**/*.test.{ts,tsx}'], environment: 'node' },
      },
    ],
  },
});
