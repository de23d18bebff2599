import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { buildAndServe } from './serve';

/**
 * The frame of the measuring scripts (measure-*.ts, run with tsx): builds and serves the app at `root` (this checkout
 * unless given; E2E_SKIP_BUILD=1 reuses its dist/), opens headless Chromium, runs `measure`, closes both whatever
 * happens; a failure prints and exits 1.
 */
export function measureInBrowser(measure: (url: string, browser: Browser) => Promise<void>, root = fileURLToPath(new URL('../..', import.meta.url))): void {
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
