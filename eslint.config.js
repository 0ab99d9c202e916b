// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'data/', 'coverage/', 'src/platform/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Type-aware checks for the mistakes that lose data: unawaited promises.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Services know nothing of HTTP, and a module reads another module only through its index.ts.
    files: ['src/modules/**/*.ts', 'src/platform/deadlines/service.ts', 'src/platform/deadlines/sweep.ts'],
    ignores: [
      'src/modules/**/routes.ts',
      'src/modules/**/*-routes.ts',
      'src/modules/routes.ts',
      'src/modules/**/*.test.ts',
      'src/modules/**/testing.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['fastify', '@fastify/*'], message: 'services must not know HTTP: move this to routes.ts' },
            { group: ['../*/tables.ts', '../*/service.ts'], message: 'use the other module’s index.ts' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
)
