// Type-aware lint, zero warnings (npm run lint uses --max-warnings 0).
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'jest.config.js', 'eslint.config.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-extraneous-class': 'off',
      'no-console': 'error',
    },
  },
  {
    // One door for every case change: only the case writer writes cases and their history.
    files: ['libs/**/*.ts', 'apps/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['libs/cases/src/case-writer.ts', 'libs/database/src/migrations/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(insert|update|save|delete|upsert|softDelete|increment)$/] > Identifier.arguments:first-child[name=/^(Case|CaseEvent)$/]',
          message: 'Cases change only through CaseWriter (lock, state machine, event, audit, one transaction).',
        },
        {
          selector: 'TemplateElement[value.raw=/(UPDATE|INSERT INTO|DELETE FROM)\\s+("case"|case_event\\b)/i], Literal[value=/(UPDATE|INSERT INTO|DELETE FROM)\\s+("case"|case_event\\b)/i]',
          message: 'Cases change only through CaseWriter (lock, state machine, event, audit, one transaction).',
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
