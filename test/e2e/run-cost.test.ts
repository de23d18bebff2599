import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, TINY, trackErrors, waitForRunEnd } from './browser';

// Issue 13 item 8: a run's cost said before Run, a warning past a few minutes, an ETA while it runs, and Cancel right
// after Run reported as cancelled.
describe('the run estimate and an early cancel', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const estimate = () => page.getByTestId('run-estimate');
  const readyEstimate = async () => {
    await expect.poll(() => estimate().getAttribute('data-status'), { timeout: 60_000 }).toBe('ready');
    return { text: (await estimate().textContent()) ?? '', seconds: Number(await estimate().getAttribute('data-seconds')), warns: (await estimate().getAttribute('class'))?.includes('warn') };
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    errors = trackErrors(page);
  });
  afterAll(async () => browser?.close());

  it('says a small run\'s time on its backend beside Run, without a warning', async () => {
    await page.goto(`${inject('baseUrl')}#v=1&preset=start-here&${TINY}&backend=wasm`);
    const e = await readyEstimate();
    expect(e.text).toMatch(/^(under 10 seconds|about \d+ seconds) on wasm$/);
    expect(e.warns).toBe(false);
  });

  it('warns before Run when the estimate is past a few minutes, and re-estimates on every edit', async () => {
    await page.goto(`${inject('baseUrl')}#v=1&preset=mitigation-modes&seeds=10&train.epochs=40&backend=wasm`);
    await page.reload();
    const big = await readyEstimate();
    expect(big.seconds).toBeGreaterThan(180);
    expect(big.warns).toBe(true);
    expect(big.text).toMatch(/^⚠ a long run: about \d+(\.\d)? (minutes|hours) on wasm/);
    // Fewer seeds: the same calibration, a tenth of the pieces.
    const seeds = page.getByLabel('Seeds', { exact: true });
    await seeds.fill('1');
    await seeds.blur();
    await expect.poll(async () => Number(await estimate().getAttribute('data-seconds')), { timeout: 30_000 }).toBeLessThan(big.seconds / 5);
  });

  it('shows the time left from the first moment of a run', async () => {
    await page.goto(`${inject('baseUrl')}#v=1&preset=start-here&backend=wasm`);
    await page.reload();
    await readyEstimate();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    // The estimate gives the ETA before any progress could.
    await expect.poll(() => page.locator('.progress-label').textContent()).toMatch(/about .+ left/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await waitForRunEnd(page)).toBe('cancelled');
  });

  it('ends a run cancelled right after Run as cancelled, not failed', async () => {
    // A fresh page: the worker is still starting its backend, so the run waits in its queue when Cancel arrives.
    const fresh = await browser.newPage();
    const freshErrors = trackErrors(fresh);
    await fresh.goto(`${inject('baseUrl')}#v=1&preset=start-here&backend=wasm`);
    await fresh.getByRole('button', { name: 'Run', exact: true }).waitFor();
    await fresh.evaluate(async () => {
      const button = (name: string) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) as HTMLButtonElement;
      button('Run').click();
      // React renders the click's update before the next task; Cancel is enabled from then on.
      await new Promise((resolve) => setTimeout(resolve, 0));
      button('Cancel').click();
    });
    expect(await waitForRunEnd(fresh)).toBe('cancelled');
    expect(await fresh.locator('.progress-label').textContent()).toMatch(/^cancelled: the run was cancelled/);
    expect(await fresh.getByText('The run failed').count()).toBe(0);
    expect(freshErrors).toEqual([]);
    expect(errors).toEqual([]);
    await fresh.close();
  });
});
