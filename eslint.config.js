import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import checkFile from 'eslint-plugin-check-file';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

// The import direction of docs/architecture.md, enforced:
//   views (ui/) and state (state/) see the engine's contract only, never tfjs;
//   the worker and the CLI see the engine's public entry points (contract, backend, the sweep, λ jobs, asset loading);
//   inside the engine, folders stack in the paper's order and never import upward:
//     contract, kernels, random → data, model, backend → prune → train → metrics → mitigate → experiment.

/** Engine folders in layer order: each may import the ones before it, never the ones after. */
const engineLayers = [
  ['contract'],
  ['kernels', 'random'],
  ['data', 'model', 'backend'],
  ['prune'],
  ['train'],
  ['metrics'],
  ['mitigate'],
  ['experiment'],
];

const enginePath = (name) => (['random', 'backend'].includes(name) ? `./src/engine/${name}.ts` : `./src/engine/${name}`);

/** One zone per layer: its files may not import any folder of a later layer. */
const engineZones = engineLayers.flatMap((layer, i) => {
  const above = engineLayers.slice(i + 1).flat();
  return above.length === 0 ? [] : layer.map((name) => ({
    target: enginePath(name),
    from: above.map(enginePath),
    message: `engine/${name} sits below ${above.join(', ')} (docs/architecture.md): pass what it needs in as a parameter.`,
  }));
});

/** What the worker and the CLI may import from the engine: everything else is the engine's own business. */
const enginePublic = ['contract/.*', 'backend', 'metrics/hessian-jobs', 'experiment/run-experiment', 'experiment/quick-evaluate', 'experiment/model-spec', 'experiment/sweep-pieces', 'experiment/merge-results', 'experiment/run-estimator',
  'data/asset-loader', 'data/node-assets', 'data/dataset', 'data/data-summary', 'data/node-image-loader',
  'data/user-data-store', 'data/browser-image-decoder'];
/** Regexes over the import string (gitignore-style negations cannot re-include a folder below an excluded one). */
const engineInternals = `(^|/)engine/(?!(${enginePublic.join('|')})$)`;
const engineBeyondContract = '(^|/)engine/(?!contract/)';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'public/**', 'out/**', 'test/lint/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX, 'check-file': checkFile },
    settings: {
      // Without these, import-x treats .ts files as unparseable and no-cycle silently sees no dependencies.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver(), createNodeResolver()],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Value cycles break module initialisation order; type-only circles are left to review (no-cycle skips them).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'check-file/filename-naming-convention': ['error', { '{src,test,scripts}/**/*.{ts,tsx,mjs,js}': 'KEBAB_CASE' },
        { ignoreMiddleExtensions: true }],
      'check-file/folder-naming-convention': ['error', { '{src,test,scripts}/**/': 'KEBAB_CASE' }],
    },
  },
  {
    files: ['src/engine/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ group: ['**/ui/**', '**/state/**', '**/worker/**', '**/app/**', '**/cli/**'],
          message: 'The engine never imports ui/, state/, app/, worker/ or cli/.' }],
      }],
      'import-x/no-restricted-paths': ['error', { zones: engineZones }],
    },
  },
  {
    files: ['src/ui/**', 'src/state/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // An error, not the preset's warning (which `npm run lint` lets pass): the charts memoize their whole recharts
      // element, and a dependency left out draws stale data that a later redraw may hide from the tests.
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['@tensorflow/*'], message: 'Views and state never import tfjs: go through the worker.' },
          { regex: engineBeyondContract, message: 'Views and state import only the engine\'s contract (engine/contract).' },
          { group: ['**/worker/**', '**/cli/**'], message: 'Views never talk to the worker directly: app/ wires them.' },
          { group: ['**/app/**'], allowTypeImports: true, message: 'Views get app/\'s services through AppContext: import their types only.' },
        ],
      }],
    },
  },
  {
    files: ['src/state/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['@tensorflow/*'], message: 'State never imports tfjs.' },
          { regex: engineBeyondContract, message: 'State imports only the engine\'s contract (engine/contract).' },
          { group: ['**/worker/**', '**/cli/**', '**/ui/**', '**/app/**'], message: 'State is data: it imports the contract and itself only.' },
        ],
      }],
    },
  },
  {
    files: ['src/app/**', 'src/main.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['@tensorflow/*'], message: 'The page\'s main thread never imports tfjs: the worker owns it.' },
          { regex: engineBeyondContract, message: 'app/ wires state, views and the worker client: it imports only the engine\'s contract.' },
        ],
      }],
    },
  },
  {
    files: ['src/worker/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { regex: engineInternals, allowTypeImports: true,
            message: 'The worker imports the engine\'s public entry points only (contract, backend, the sweep, asset loading), and types.' },
          { group: ['**/ui/**', '**/state/**', '**/app/**', '**/cli/**'], message: 'The worker knows nothing of the page or the CLI.' },
          // The wasm binaries' URLs are assets, not code: everything else of tfjs is reached through the engine.
          { regex: '^@tensorflow/(?!tfjs-backend-wasm/dist/)', message: 'The worker reaches tfjs through the engine (engine/backend), never directly.' },
        ],
      }],
    },
  },
  {
    files: ['src/cli/**'],
    ignores: ['src/cli/bench-*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { regex: engineInternals, allowTypeImports: true,
            message: 'The CLI imports the engine\'s public entry points (types excepted); only the benches reach inside.' },
          { group: ['**/ui/**', '**/state/**', '**/app/**', '**/worker/**'], message: 'The CLI knows nothing of the page.' },
        ],
      }],
    },
  },
);
