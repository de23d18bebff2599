import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// Cross-origin isolation (COOP + COEP) lets the wasm backend use threads (SharedArrayBuffer).
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// The page's Content-Security-Policy (test/e2e/csp.test.ts runs a sweep under it): no origin but its own. Everything
// the app loads is its own bundle, its data assets and the wasm binaries; it posts nothing anywhere. What it needs
// beyond 'self':
//   'wasm-unsafe-eval'  compiling tfjs's WebAssembly backend;
//   blob: (scripts and workers)  tfjs-backend-wasm starts its threads from a Blob of its own factory's source;
//   data: and blob: images  a chart exported as PNG is drawn from a Blob of its SVG.
// Vite's dev server needs inline scripts (React refresh), so the policy is sent by `vite preview` as a header and
// written into the built index.html as a <meta> for static hosts; `npm start` runs without it. zod's eval probe is
// switched off in the browser (src/engine/contract/zod-without-eval.ts), so no 'unsafe-eval'.
const directives: Array<[string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'wasm-unsafe-eval' blob:"],
  ['worker-src', "'self' blob:"],
  ['connect-src', "'self'"],
  ['img-src', "'self' data: blob:"],
  ['style-src', "'self'"],
  ['font-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
];

/** Directives a <meta> cannot carry (browsers ignore them there, with a console warning). */
const headerOnly: Array<[string, string]> = [['frame-ancestors', "'none'"]];

const policy = (list: Array<[string, string]>) => list.map(([name, value]) => `${name} ${value}`).join('; ');

/** The built index.html carries the CSP as a <meta>, first in <head> so it covers every script after it. */
const cspMetaTag: Plugin = {
  name: 'csp-meta',
  apply: 'build',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy(directives) }, injectTo: 'head-prepend' }],
};

export default defineConfig({
  plugins: [react(), cspMetaTag],
  server: { headers: isolation, port: 5173, strictPort: false },
  preview: { headers: { ...isolation, 'Content-Security-Policy': policy([...directives, ...headerOnly]) }, port: 4173 },
  worker: {
    format: 'es',
    // tfjs-backend-wasm starts its threads from `factory.toString()`: renamed outer variables break that code in the
    // thread workers ("e is not defined"), or dropping its `typeof` guards, so the worker bundle is minified without renaming or compressing.
    rolldownOptions: { output: { minify: { mangle: false, compress: false } } },
  },
  // Pre-bundled like every dependency: served raw, its CommonJS wasm-out/ files fail to import in the browser.
  optimizeDeps: { include: ['@tensorflow/tfjs-backend-wasm'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
});
