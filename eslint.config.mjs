import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/generated/**', '**/coverage/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    // The per-request paths of the APIs (ranking, explanations, vector SQL, skill gaps). On Node 20's
    // V8, an object literal that starts with a spread and goes on (`{ ...object, key }`) gives every
    // result a hidden class of its own in the old generation (≈ 120–250 bytes each); that churn set
    // the pace of the matcher's full GCs (BENCHMARKS.md). Keys before the spread are fine.
    files: [
      'apps/matcher/src/matching/**/*.ts',
      'apps/matcher/src/recommendations/**/*.ts',
      'apps/matcher/src/search/**/*.ts',
      'apps/skill-gap/src/skill-gap/**/*.ts',
      'libs/db/src/vector-store.ts',
      'libs/skills/src/**/*.ts',
    ],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ObjectExpression > SpreadElement:first-child ~ *',
          message: 'Hot path: list the fields, put them before the spread, or Object.assign onto {}; see eslint.config.mjs.',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
