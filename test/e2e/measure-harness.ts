import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { buildAndServe } from './serve';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The frame of the measuring scripts (measure-*.ts, run with tsx): builds and serves the app (E2E_SKIP_BUILD=1 reuses
 * dist/), opens headless Chromium, runs `measure`, closes both whatever happens; a failure prints and exits 1.
 */
export function measureInBrowser(measure: (url: string, browser: Browser) => Promise<void>): void {
  const main = async () => {
    const { url, server } = await buildAndServe(root);
    const browser = await launchBrowser();
    try {
      await measure(url, browser);
    } finally {
      await browser.close();
      await server.close();
    }
  };
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
