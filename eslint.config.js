// Lint is part of `npm test`. Besides code hygiene it enforces the layering in STYLE.md, so the rule holds
// because a machine checks it: core imports no DOM, React or zustand; workers and the CLI import only core;
// the app imports core and the worker API as types only.
import reactHooks from 'eslint-plugin-react-hooks';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

const FRAMEWORK = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', '@tanstack/*', 'comlink', 'd3-*'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/.artifacts/**'] },
  ...tseslint.configs.recommended,
  {
    // Patterns that backtrack super-linearly turn a long crafted line into a hang: every decoder runs its
    // patterns on input text (see src/core/README.md, "Patterns over input"). Tests and benches
    // match only our own output.
    files: ['src/**/*.ts', 'src/**/*.tsx', 'workers/**/*.ts'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: FRAMEWORK, message: 'src/core is pure TypeScript: no React, zustand, comlink or d3 here.' },
          { group: ['**/app/**', '**/cli/**', '**/workers/**', 'node:*', 'fs', 'path'], message: 'src/core must not import upward or do I/O.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'window', message: 'src/core has no DOM.' },
        { name: 'document', message: 'src/core has no DOM.' },
        { name: 'localStorage', message: 'src/core has no DOM.' },
        { name: 'fetch', message: 'src/core does no I/O.' },
      ],
    },
  },
  {
    files: ['workers/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'zustand', '@tanstack/*', 'd3-*'], message: 'The worker imports only core (and comlink).' },
          { group: ['**/app/**', '**/cli/**'], message: 'The worker imports only core.' },
        ],
      }],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: FRAMEWORK, message: 'The CLI imports only core.' },
          { group: ['**/app/**', '**/workers/**'], message: 'The CLI imports only core.' },
        ],
      }],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/core/**', '**/workers/**'], allowTypeImports: true, message: 'The app imports core and the worker API as types only: the worker owns the data.' },
          { group: ['**/cli/**'], message: 'The app never imports the CLI.' },
        ],
      }],
      'no-restricted-syntax': ['error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Trace data renders as text only.' },
      ],
    },
  },
);
