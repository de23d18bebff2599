import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from './axe';
import { launchBrowser, TINY, trackErrors, waitForRunEnd } from './browser';

// axe-core with 0 violations in the page's main states, and the keyboard paths: the skip links first, and the rate
// slider's documented keys (arrows between measured rates, Shift + arrow by 1%, also from a measured rate).

describe('accessibility', () => {
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
    // bypassCSP: axe is injected as an inline script, which the page's Content-Security-Policy forbids.
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, bypassCSP: true });
  });
  afterAll(async () => browser?.close());

  const open = async (hash: string): Promise<{ page: Page; errors: string[] }> => {
    const page = await context.newPage();
    const errors = trackErrors(page);
    await page.goto(`${inject('baseUrl')}#${hash}`);
    await page.getByRole('region', { name: 'Per-group accuracy', exact: true }).waitFor();
    return { page, errors };
  };
  const rateOf = (page: Page) => page.getByTestId('rate-view').getAttribute('data-rate');

  it('a fresh page with the start-here preset (data panel open) has no axe violations', async () => {
    const { page, errors } = await open('v=1&preset=start-here');
    await page.locator('details.data-panel[open] table').waitFor({ timeout: 60_000 });
    await page.getByTestId('backend-badge').filter({ hasNotText: 'choosing' }).waitFor({ timeout: 60_000 });
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Tab from the top reaches the skip links first; they move focus to the slider and to the charts', async () => {
    const { page } = await open('v=1&preset=start-here');
    const hash = await page.evaluate(() => location.hash);
    const focused = () => page.evaluate(() => ({ id: document.activeElement?.id, text: document.activeElement?.textContent }));
    await page.keyboard.press('Tab');
    expect((await focused()).text).toBe('Skip to the rate slider');
    // Visible while focused (a skip link that stays off screen helps no sighted keyboard user).
    const box = await page.getByRole('link', { name: 'Skip to the rate slider' }).boundingBox();
    expect(box && box.x >= 0 && box.y >= 0 && box.width > 0).toBe(true);
    await page.keyboard.press('Enter');
    expect((await focused()).id).toBe('rate-slider');

    await page.reload();
    await page.getByRole('region', { name: 'Per-group accuracy', exact: true }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect((await focused()).text).toBe('Skip to the charts');
    await page.keyboard.press('Enter');
    expect((await focused()).id).toBe('charts');
    // The share link in the hash is untouched: the skip links move focus by script, not by following #fragment.
    expect(await page.evaluate(() => location.hash)).toBe(hash);
    await page.close();
  });

  describe('after a run', () => {
    let page: Page;
    let errors: string[];
    beforeAll(async () => {
      ({ page, errors } = await open(`v=1&preset=start-here&${TINY}&backend=wasm&autorun=1`));
      expect(await waitForRunEnd(page)).toBe('complete');
    });
    afterAll(async () => page?.close());

    it('has no axe violations with every chart drawn', async () => {
      expect(await axeViolations(page)).toEqual([]);
    });

    it('Shift + arrow moves the slider by 1% from a measured rate; a plain arrow jumps between measured rates', async () => {
      const slider = page.getByRole('slider', { name: 'Pruning rate' });
      await slider.focus();
      expect(await rateOf(page)).toBe('0.9');
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => rateOf(page)).toBe('0.5');
      expect(await page.getByTestId('rate-view').getAttribute('data-source')).toBe('measured');
      // 0.5 is measured and 0.51 within its snap: the browser's own step used to be snapped straight back.
      await page.keyboard.press('Shift+ArrowRight');
      await expect.poll(() => rateOf(page)).toBe('0.51');
      await page.keyboard.press('Shift+ArrowLeft');
      await page.keyboard.press('Shift+ArrowLeft');
      await expect.poll(() => rateOf(page)).toBe('0.49');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => rateOf(page)).toBe('0.5');
      expect(await slider.getAttribute('aria-valuetext')).toMatch(/^50%/);
    });

    it('presenter mode has no axe violations', async () => {
      await page.getByRole('button', { name: 'Presenter' }).click();
      await page.locator('.app.presenter').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  });
});
