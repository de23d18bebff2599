import type { Page } from 'playwright-core';

// One set of Chromium flags for the tests and the CLI's headless runs.
export { CHROMIUM_ARGS, launchBrowser } from '../../src/cli/headless';

/** A sweep small enough to finish in seconds on two cores without a GPU, with every chart populated. */
export const TINY = [
  'data.numClasses=2',
  'data.samples=240',
  'data.imageSize=8',
  'model.convFilters=2,4',
  'model.dense=8,4',
  'train.epochs=2',
  'prune.rates=0.5,0.9',
  'hessian.when=all',
  'hessian.maxIterations=5',
  'hessian.maxSamplesPerGroup=16',
].join('&');

export const FINISHED = ['complete', 'cancelled', 'failed', 'crashed'];

/** Waits until the page's run reaches a final state; returns it. */
export async function waitForRunEnd(page: Page, timeout = 120_000): Promise<string> {
  await page.waitForFunction((finished) => finished.includes(document.querySelector('.app')?.getAttribute('data-status') ?? ''), FINISHED, { timeout });
  return (await page.locator('.app').getAttribute('data-status')) as string;
}

/** Collects page errors so a test can assert there were none. */
export function trackErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Number of line series drawn in a chart region (one per group in the per-group charts). */
export const lineCount = (page: Page, region: string) => page.getByRole('region', { name: region, exact: true }).locator('.recharts-line').count();
