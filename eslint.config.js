// One linter for the whole workspace. Boundaries between packages are lint rules, so a wrong import fails CI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** The server's services, domain logic, stores and auth: everything but the transports and the wiring. */
export const SERVICE_FILES = [
  'server/src/anticipation/**/*.ts',
  'server/src/auth/**/*.ts',
  'server/src/boards/**/*.ts',
  'server/src/classroom/**/*.ts',
  'server/src/snapshots/**/*.ts',
  'server/src/discussion/**/*.ts',
  'server/src/exports/**/*.ts',
  'server/src/diagnostics/**/*.ts',
  'server/src/tagging/**/*.ts',
  'server/src/evidence/**/*.ts',
  'server/src/storage/**/*.ts',
];

const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/dist-types/**',
      '**/node_modules/**',
      'data/**',
      'e2e/test-results/**',
      'e2e/playwright-report/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // shared/ is pure: no I/O, no framework, nothing from the apps.
    files: ['shared/src/**/*.ts'],
    ignores: ['shared/src/cli/**', 'shared/src/**/*.test.ts'],
    rules: restrict([
      {
        group: ['node:*', 'fs', 'path', 'http', 'net', 'child_process'],
        message: 'shared/ is pure: no I/O.',
      },
      {
        group: [
          'express',
          'socket.io',
          'socket.io-client',
          'ws',
          'y-websocket',
          'better-sqlite3',
          'react',
          'react-dom',
        ],
        message: 'shared/ takes no framework or transport.',
      },
      {
        group: ['@conjecture/server*', '@conjecture/client*', '**/server/**', '**/client/**'],
        message: 'shared/ imports neither app.',
      },
    ]),
  },
  {
    // Free text in the contract goes through writtenText(), which strips the controls that turn text backwards
    // (protocol/readableText.ts); a bare trimmed string would skip that rule. (protocol/writtenTextLint.test.ts
    // shows the rule fires.)
    files: ['shared/src/**/*.ts'],
    ignores: ['shared/src/**/*.test.ts', 'shared/src/protocol/readableText.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name='trim'] > MemberExpression > CallExpression[callee.object.name='z'][callee.property.name='string']",
          message:
            'Free text is writtenText() (protocol/readableText.ts): it strips what turns text backwards.',
        },
      ],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    rules: restrict([
      { group: ['@conjecture/client*', '**/client/src/**'], message: 'The server never imports the client.' },
    ]),
  },
  {
    // Every timer of the server goes through its Scheduler, which close() stops: a timer started elsewhere
    // could run after the server has closed its storage (src/util/scheduler.ts, src/shutdown.test.ts).
    files: ['server/src/**/*.ts'],
    ignores: [
      'server/src/**/*.test.ts',
      'server/src/test/**',
      'server/src/testkit/**',
      'server/src/util/scheduler.ts',
    ],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['setTimeout', 'setInterval', 'setImmediate'].map((name) => ({
          name,
          message: 'Schedule it on the server’s Scheduler, so that closing the server stops it.',
        })),
      ],
      'no-restricted-properties': [
        'error',
        ...['setTimeout', 'setInterval', 'setImmediate'].map((property) => ({
          object: 'globalThis',
          property,
          message: 'Schedule it on the server’s Scheduler, so that closing the server stops it.',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportDeclaration[source.value=/^(node:)?timers/]',
          message: 'Schedule it on the server’s Scheduler, so that closing the server stops it.',
        },
      ],
    },
  },
  {
    // Services, domain and storage stay behind interfaces: no transport in them. Domain events reach sockets
    // and Yjs connections through realtime/ only; requests reach services through http/, socket/ and yjs/.
    // (src/boundaries.test.ts shows these rules fire.)
    files: SERVICE_FILES,
    ignores: ['**/*.test.ts'],
    rules: restrict([
      {
        group: ['express', 'socket.io', 'ws', 'y-websocket', '@y/websocket-server'],
        message: 'Services, domain and storage take no transport.',
      },
      {
        group: ['**/http/*', '**/socket/*', '**/yjs/*', '**/realtime/*'],
        message: 'Services never import a transport module: emit a domain event and let realtime/ carry it.',
      },
      { group: ['@conjecture/client*', '**/client/src/**'], message: 'The server never imports the client.' },
    ]),
  },
  {
    // Hover text is our Tooltip (client/src/ui/Tooltip.tsx): the browser's `title` bubble waits a second, never
    // shows on keyboard focus or touch (a Chromebook's screen), and is in the system's small grey type. A
    // component's prop named `title` (a dialog's) is not a tooltip; an iframe's title names the frame.
    // (client/src/noTitleTooltips.test.ts shows the rule fires.)
    files: ['client/src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXOpeningElement[name.name=/^(?!iframe$)[a-z]/] > JSXAttribute[name.name='title']",
          message: 'Hover text is our Tooltip (ui/Tooltip.tsx), not the browser’s title bubble.',
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    rules: restrict([
      {
        group: ['@conjecture/server*', '**/server/src/**', 'better-sqlite3', 'express'],
        message: 'The client never imports the server.',
      },
    ]),
  },
);
