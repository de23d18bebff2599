import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';

// Headless Chromium over the repository's pages, for the CLI's --browser runs and `npm run bench:browser`: a Vite
// dev server (cross-origin isolated, as vite.config.ts sets it, so wasm gets its threads) and the system Chromium
// (never a downloaded one). The e2e tests launch Chromium with the same flags.

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * On a machine with a GPU, headless Chromium needs to be told to use it: Vulkan under ANGLE, the blocklist ignored
 * (a headless server's driver is often on it). Without a GPU, WebGPU falls back to SwiftShader on the CPU.
 */
export const GPU_ARGS = ['--enable-features=Vulkan', '--use-angle=vulkan', '--use-vulkan=native', '--ignore-gpu-blocklist', '--enable-gpu-rasterization'];

export function launchBrowser(gpu = false): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: gpu ? [...CHROMIUM_ARGS, ...GPU_ARGS] : CHROMIUM_ARGS });
}

/** A free localhost port (the OS picks one; closed again before vite binds it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createNetServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface HeadlessPage {
  page: Page;
  close(): Promise<void>;
}

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Serves the repository with Vite and opens `entry` (a path from the repository root, e.g. "src/headless/run.html")
 * in headless Chromium. `beforeLoad` runs first (expose functions, init scripts), so the page can call back at once.
 */
export async function openHeadlessPage(entry: string, opts: { gpu?: boolean; query?: string; beforeLoad?: (page: Page) => Promise<void> } = {}): Promise<HeadlessPage> {
  const port = await freePort();
  const server: ViteDevServer = await createServer({
    root,
    configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
    mode: 'development',
    logLevel: 'warn',
    // Its own dependency cache, so the app's dev server cache is not re-optimised for these pages and back.
    cacheDir: 'node_modules/.vite-headless',
    server: { port, strictPort: true, host: '127.0.0.1', hmr: false, watch: null },
    // Everything pre-bundled up front (the lazily imported WebGPU backend too): a dependency found later would make
    // Vite re-optimise and reload the page mid-run.
    optimizeDeps: { entries: [entry], include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-webgpu', '@tensorflow/tfjs-backend-wasm'] },
  });
  await server.listen();
  let browser: Browser | null = null;
  try {
    browser = await launchBrowser(opts.gpu);
    const page = await browser.newPage();
    await opts.beforeLoad?.(page);
    await page.goto(`http://127.0.0.1:${port}/${entry}${opts.query ? `?${opts.query}` : ''}`);
    const opened = browser;
    return {
      page,
      async close() {
        await opened.close();
        await server.close();
      },
    };
  } catch (e) {
    await browser?.close();
    await server.close();
    throw e;
  }
}
