import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Imports that would break a folder's boundary (DESIGN.md §1). */
const nodeModules = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'child_process',
  'worker_threads',
  'url',
  'util',
  'stream'
]

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'src/shared/quotes/generated/**',
      'playwright-report/**',
      'tests/fixtures/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/explicit-function-return-type': [
        'error',
        { allowExpressions: true, allowTypedFunctionExpressions: true }
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react/no-danger': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Article and note content is rendered as text, never as HTML.'
        }
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', ...nodeModules, '**/main/**', '**/preload/index'],
              message: 'The renderer reaches the core only through src/renderer/src/api.ts.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'electron',
                ...nodeModules,
                '**/main/**',
                '**/renderer/**',
                'react',
                'react-dom'
              ],
              message: 'src/shared is pure TypeScript: no Node, DOM or Electron.'
            }
          ]
        }
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'process',
        'Buffer',
        'require',
        'localStorage'
      ]
    }
  },
  {
    files: ['src/main/core/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*', '**/renderer/**'],
              message: 'src/main/core is plain Node: it never imports electron.'
            }
          ]
        }
      ]
    }
  },
  {
    files: [
      'src/main/**/*.ts',
      'src/preload/**/*.ts',
      'scripts/**/*.{js,mjs,cjs,ts}',
      'tests/**/*.ts',
      'bin/**/*.cjs',
      '*.config.{ts,mjs}',
      '.dependency-cruiser.cjs'
    ],
    languageOptions: { globals: globals.node }
  },
  {
    files: ['bin/**/*.cjs', 'scripts/**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  }
)
