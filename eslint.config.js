import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** HTML sinks: only lib/html/sanitize.ts (the one HTML boundary) may turn strings into DOM or DOM into strings. */
const HTML_SINKS = [
  { property: 'innerHTML', message: 'Build DOM with DOM calls; HTML strings only in lib/html/sanitize.ts.' },
  { property: 'outerHTML', message: 'HTML strings only in lib/html/sanitize.ts.' },
  { property: 'insertAdjacentHTML', message: 'HTML strings only in lib/html/sanitize.ts.' },
  { property: 'parseFromString', message: 'Parse HTML only in lib/html/sanitize.ts.' },
  { property: 'createContextualFragment', message: 'Parse HTML only in lib/html/sanitize.ts.' },
  { object: 'document', property: 'write', message: 'Never document.write.' },
  { property: 'srcdoc', message: 'No srcdoc.' },
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', '.tools/**', 'tests/e2e/artifacts/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['lib/**/*.ts', 'entrypoints/**/*.ts'],
    ignores: ['lib/html/sanitize.ts'],
    rules: { 'no-restricted-properties': ['error', ...HTML_SINKS] },
  },
);
