import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, lineCount, TINY, trackErrors } from './browser';

const v1Results = readFileSync(new URL('../fixtures/results-v1.json', import.meta.url));

describe('the share link', () => {
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(inject('baseUrl')).origin });
  });
  afterAll(async () => browser?.close());

  it('copies a link that reopens to the same config', async () => {
    const page = await context.newPage();
    const errors = trackErrors(page);
    await page.goto(`${inject('baseUrl')}#v=1&${TINY}&backend=wasm`);
    const historyLength = await page.evaluate(() => history.length);
    // Change settings in the page: they must travel in the copied link.
    await page.getByRole('textbox', { name: 'Epochs', exact: true }).fill('3');
    await page.getByRole('textbox', { name: 'Epochs', exact: true }).press('Enter');
    await page.getByRole('button', { name: 'Both', exact: true }).click();
    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Link copied' }).count()).toBe(1);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('train.epochs=3');
    expect(link).toContain('mitigation.modes=none,both');
    expect(link).not.toContain('autorun');

    const reopened = await context.newPage();
    await reopened.goto(link);
    expect(await reopened.getByRole('textbox', { name: 'Epochs', exact: true }).inputValue()).toBe('3');
    expect(await reopened.getByRole('button', { name: 'Both', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await reopened.getByRole('button', { name: 'Copy link', exact: true }).click();
    await expect.poll(() => reopened.evaluate(() => navigator.clipboard.readText())).toBe(link);
    // The URL itself follows the settings (replaceState, no new history entries).
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('train.epochs=3');
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    expect(errors).toEqual([]);
  });

  it('loads the closest valid config from a malformed link and says what was dropped', async () => {
    const page = await context.newPage();
    await page.goto(`${inject('baseUrl')}#v=1&train.epochs=9999&bogus=1&data.samples=abc&prune.rates=0.5,zz`);
    const notice = page.getByRole('alert').filter({ hasText: 'could not be used' });
    await expect.poll(() => notice.count()).toBe(1);
    const text = await notice.textContent();
    for (const what of ['train.epochs', 'bogus', 'data.samples', 'prune.rates']) expect(text).toContain(what);
    expect(await page.getByRole('textbox', { name: 'Epochs', exact: true }).inputValue()).toBe('200');
    expect(await page.getByRole('textbox', { name: 'Pruning rates' }).inputValue()).toBe('0.5');
  });

  it('hides the controls in presenter mode', async () => {
    const page = await context.newPage();
    await page.goto(`${inject('baseUrl')}#v=1&presenter=1`);
    await expect.poll(() => page.getByRole('region', { name: 'Per-group accuracy', exact: true }).count()).toBe(1);
    expect(await page.getByRole('complementary', { name: 'Settings' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Presenter' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('copies a link with the results that opens onto the finished charts, without running', async () => {
    const page = await context.newPage();
    await page.goto(inject('baseUrl'));
    await page.getByLabel('Import results file').setInputFiles({ name: 'results.json', mimeType: 'application/json', buffer: v1Results });
    await expect.poll(() => lineCount(page, 'Per-group accuracy')).toBe(3);
    // An import on a bare page lands on a measured pruned rate (nearest 90%), not on the dense model's 0%.
    expect(await page.getByTestId('rate-view').getAttribute('data-rate')).toBe('0.9');
    await page.getByRole('button', { name: 'Copy link with results' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Link copied with results' }).count()).toBe(1);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/&results=[\w-]+$/);
    expect(link.length).toBeLessThan(33_000);

    const opened = await context.newPage();
    const errors = trackErrors(opened);
    await opened.goto(link);
    await expect.poll(() => lineCount(opened, 'Per-group accuracy')).toBe(3);
    expect(await lineCount(opened, 'Per-group gradient norm')).toBe(3);
    expect(await opened.locator('.app').getAttribute('data-status')).toBe('idle'); // nothing ran
    expect(await opened.getByTestId('rate-view').getAttribute('data-rate')).toBe('0.9');
    const banner = opened.getByRole('region', { name: 'Results from the link' });
    expect(await banner.textContent()).toContain('not computed in this browser');
    expect(await banner.getByRole('button', { name: 'Re-run to reproduce' }).isVisible()).toBe(true);
    expect(await opened.getByRole('alert').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
