// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ENGINE_WHY = 'the engine is deterministic and DOM-free';
const PROTOCOL_WHY = 'the protocol is shared by the UI and the worker and must not depend on either';

/** Globals the deterministic, DOM-free engine (and its scenarios) must never touch. */
const engineRestrictedGlobals = [
  ['Date', 'use the simulated clock instead'],
  ['setTimeout', 'schedule events on the simulated clock instead'],
  ['setInterval', 'schedule events on the simulated clock instead'],
  ['clearTimeout', 'schedule events on the simulated clock instead'],
  ['clearInterval', 'schedule events on the simulated clock instead'],
  ['requestAnimationFrame', 'animation belongs to the UI'],
  ['performance', 'use the simulated clock instead'],
  ['crypto', 'use the seeded PRNG instead'],
  ['window', 'no DOM here'],
  ['document', 'no DOM here'],
  ['self', 'no worker/DOM globals here'],
  ['globalThis', 'no ambient globals here'],
].map(([name, hint]) => ({ name, message: `${name} is forbidden here: ${ENGINE_WHY} (${hint}).` }));

/** Regex for relative imports that climb out into a sibling top-level folder of src/. */
const siblingImport = (/** @type {string[]} */ dirs) => `^(\\.\\./)+(${dirs.join('|')})(/|$)`;

export default defineConfig([
  globalIgnores(['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'public/', 'coverage/']),

  js.configs.recommended,
  tseslint.configs.recommended,

  // General rules for everything.
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },

  // Environments.
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/worker/**/*.ts'],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    files: ['src/cli/**/*.ts', 'tests/**/*.{ts,tsx}', 'e2e/**/*.ts', 'bench/**/*.ts', '*.{js,ts,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },

  // React hooks rules for components and hooks.
  {
    files: ['src/**/*.tsx', 'src/**/use*.ts'],
    ...reactHooks.configs.flat.recommended,
  },

  // Layering: the engine, scenarios and the diagram's derivation from the log are deterministic and DOM-free.
  {
    files: [
      'src/engine/**/*.{ts,tsx}',
      'src/scenarios/**/*.{ts,tsx}',
      'src/diagram/**/*.{ts,tsx}',
      'src/metrics/**/*.{ts,tsx}',
    ],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', ...engineRestrictedGlobals],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: `Math.random is forbidden here: ${ENGINE_WHY} (use the seeded PRNG).`,
        },
        {
          object: 'Date',
          property: 'now',
          message: `Date.now is forbidden here: ${ENGINE_WHY} (use the simulated clock).`,
        },
        {
          object: 'performance',
          property: 'now',
          message: `performance.now is forbidden here: ${ENGINE_WHY} (use the simulated clock).`,
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^react(-dom)?(/|$)',
              message: `React is forbidden here: ${ENGINE_WHY}.`,
            },
            {
              regex: siblingImport(['ui', 'app', 'worker', 'bridge', 'store', 'cli']),
              message: `The engine must not import UI/app/worker/bridge/store/cli code: ${ENGINE_WHY}.`,
            },
          ],
        },
      ],
    },
  },

  // Layering: the protocol is shared by the UI and the worker.
  {
    files: ['src/protocol/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^react(-dom)?(/|$)',
              message: `React is forbidden here: ${PROTOCOL_WHY}.`,
            },
            {
              regex: siblingImport(['ui', 'app', 'worker', 'store']),
              message: `The protocol must not import UI/app/worker/store code: ${PROTOCOL_WHY}.`,
            },
          ],
        },
      ],
    },
  },
]);
