import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Cross-origin isolation (COOP + COEP) lets the wasm backend use threads (SharedArrayBuffer).
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  server: { headers: isolation, port: 5173, strictPort: false },
  preview: { headers: isolation, port: 4173 },
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
