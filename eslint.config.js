import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Boundaries from docs/ARCHITECTURE: views and state never touch tfjs or engine internals;
// the engine never reaches up into ui/, state/ or worker/.
const engineInternals = ['**/engine/backend*', '**/engine/kernels/**', '**/engine/data/**', '**/engine/model/**',
  '**/engine/train/**', '**/engine/prune/**', '**/engine/metrics/**', '**/engine/mitigate/**', '**/engine/random*'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'public/**', 'out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**', 'src/state/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['@tensorflow/*'], message: 'Views and state never import tfjs: go through the worker.' },
          { group: engineInternals, message: 'Views and state import only engine schemas and types (engine/experiment).' },
        ],
      }],
    },
  },
  {
    files: ['src/engine/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/ui/**', '**/state/**', '**/worker/**'], message: 'The engine never imports ui/, state/ or worker/.' }],
      }],
    },
  },
);
