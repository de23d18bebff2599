import { build, preview, type PreviewServer } from 'vite';

import { freePort } from '../../src/cli/headless';

export { freePort };

/** Builds the app (unless E2E_SKIP_BUILD=1) and serves dist/ with `vite preview` on a free port. */
export async function buildAndServe(root: string): Promise<{ url: string; server: PreviewServer }> {
  if (process.env.E2E_SKIP_BUILD !== '1') {
    // Vitest sets NODE_ENV=test, which Vite would bake into the bundle (React's development build): build as production.
    const env = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ root, mode: 'production', logLevel: 'warn' });
    } finally {
      process.env.NODE_ENV = env;
    }
  }
  const port = await freePort();
  const server = await preview({ root, logLevel: 'warn', preview: { port, strictPort: true, host: '127.0.0.1', open: false } });
  return { url: `http://127.0.0.1:${port}/`, server };
}
