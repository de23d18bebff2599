import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, trackErrors } from './browser';
import { serveWithoutHeaders } from './static-host';

const badge = (page: import('playwright-core').Page) => page.getByTestId('backend-badge');

describe('wasm threads', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('runs wasm on every core but one (at least one) and says so in the badge', async () => {
    const page = await browser.newPage();
    const errors = trackErrors(page);
    await page.goto(`${inject('baseUrl')}#v=1&backend=wasm`);
    await expect.poll(() => badge(page).getAttribute('data-backend'), { timeout: 60_000 }).toBe('wasm');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    const auto = Math.max(1, (await page.evaluate(() => navigator.hardwareConcurrency)) - 1);
    expect(await badge(page).getAttribute('data-threads')).toBe(String(auto));
    expect(await badge(page).textContent()).toContain(`wasm · ${auto} thread`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('takes a thread count from the settings: the engine restarts with it, the badge says so, a reload keeps it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = trackErrors(page);
    await page.goto(`${inject('baseUrl')}#v=1&backend=wasm`);
    await expect.poll(() => badge(page).getAttribute('data-backend'), { timeout: 60_000 }).toBe('wasm');
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    const threads = page.getByLabel('WebAssembly threads');
    await threads.selectOption('1');
    // On two cores the automatic count is 1 already, but a chosen count restarts the engine all the same.
    await expect.poll(() => badge(page).textContent(), { timeout: 60_000 }).toContain('wasm · 1 thread');
    expect(await badge(page).getAttribute('data-threads')).toBe('1');
    // A device setting: not in the link, kept across a reload.
    expect(page.url()).not.toMatch(/thread/);
    await page.reload();
    await expect.poll(() => badge(page).getAttribute('data-threads'), { timeout: 60_000 }).toBe('1');
    expect(await threads.inputValue()).toBe('1');
    await threads.selectOption(String(cores));
    await expect.poll(() => badge(page).getAttribute('data-threads'), { timeout: 60_000 }).toBe(String(cores));
    await threads.selectOption('auto');
    await expect.poll(() => badge(page).getAttribute('data-threads'), { timeout: 60_000 }).toBe(String(Math.max(1, cores - 1)));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('isolates itself through its service worker on a host that sends no COOP/COEP headers', async () => {
    const { url, server } = await serveWithoutHeaders(fileURLToPath(new URL('../../dist', import.meta.url)));
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${url}#v=1&backend=wasm`);
      // First visit: the service worker registers and reloads the page once, now with the headers.
      await expect.poll(() => page.evaluate(() => crossOriginIsolated), { timeout: 30_000 }).toBe(true);
      await expect.poll(() => badge(page).getAttribute('data-backend'), { timeout: 60_000 }).toBe('wasm');
      const cores = await page.evaluate(() => navigator.hardwareConcurrency);
      expect(await badge(page).getAttribute('data-threads')).toBe(String(Math.max(1, cores - 1)));
      // A second load is isolated from the start (no further reload loop).
      await page.reload();
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
      await expect.poll(() => badge(page).getAttribute('data-backend'), { timeout: 60_000 }).toBe('wasm');
    } finally {
      await context.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
