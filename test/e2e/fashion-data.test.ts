import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, lineCount, trackErrors, waitForRunEnd } from './browser';

describe('the fashion-classes preset and the data panel', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('fetches only the chunks 2,000 samples need and shows counts per group and sample images', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const errors = trackErrors(page);
    const fetched: Array<{ url: string; bytes: number }> = [];
    page.on('requestfinished', async (req) => {
      if (!req.url().includes('/data/fashion-mnist')) return;
      const res = await req.response();
      fetched.push({ url: new URL(req.url()).pathname, bytes: (await res?.body())?.length ?? 0 });
    });
    await page.goto(`${inject('baseUrl')}#v=1&preset=fashion-classes&data.samples=2000&backend=wasm`);
    const panel = page.locator('details.data-panel');
    const table = panel.getByRole('table', { name: /Training samples per group and class/ });
    await table.waitFor({ timeout: 60_000 });

    // The index and the first 2 of the 70 chunks: about 1.6 MB of the 55 MB asset.
    await expect.poll(() => fetched.length).toBe(3);
    expect(fetched.map((f) => f.url).sort()).toEqual(['/data/fashion-mnist-00.bin', '/data/fashion-mnist-01.bin', '/data/fashion-mnist-index.json']);
    const chunkBytes = fetched.filter((f) => f.url.endsWith('.bin')).reduce((s, f) => s + f.bytes, 0);
    expect(chunkBytes).toBe(2 * 785020);

    // Classes as groups: 10 rows, each class counted only in its own group, and a long tail in the training split.
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(10);
    expect(await rows.first().locator('th').textContent()).toBe('T-shirt/top');
    const train = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.querySelector('td.total')?.textContent?.replace(/,/g, ''))));
    const test = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.querySelectorAll('td.total')[1]?.textContent?.replace(/,/g, ''))));
    // 2,000 samples, a balanced test quarter (50 a class), 150 a class left for training before the 10x long tail.
    expect(test).toEqual(new Array(10).fill(50));
    expect(Math.max(...train)).toBe(150);
    expect(Math.min(...train)).toBe(15);
    expect(await panel.locator('summary').textContent()).toMatch(/Fashion-MNIST \(long tail 10, balanced test\).*test 500/);

    // 8 sample images per group, drawn (not blank), each titled with its class.
    const images = panel.locator('.sample-grid canvas');
    expect(await images.count()).toBe(80);
    expect(await images.nth(8).getAttribute('title')).toBe('Trouser: Trouser');
    const inked = await images.evaluateAll((cs) =>
      cs.filter((c) => {
        const d = (c as HTMLCanvasElement).getContext('2d')?.getImageData(0, 0, 28, 28).data ?? [];
        let sum = 0;
        for (let i = 0; i < d.length; i += 4) sum += d[i];
        return sum > 28 * 28 * 10;
      }).length,
    );
    expect(inked).toBe(80);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs a small sweep on the chunks the data panel fetched, without fetching them again', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const errors = trackErrors(page);
    const fetched: string[] = [];
    page.on('request', (req) => {
      if (req.url().includes('/data/fashion-mnist')) fetched.push(new URL(req.url()).pathname);
    });
    const tiny = 'data.samples=1000&model.convFilters=2,4&model.dense=8,4&train.epochs=1&prune.rates=0.9&seeds=1';
    await page.goto(`${inject('baseUrl')}#v=1&preset=fashion-classes&${tiny}&backend=wasm&autorun=1`);
    expect(await waitForRunEnd(page)).toBe('complete');
    await page.locator('details.data-panel table').waitFor();
    // The panel and the run share the worker's asset cache: the index and 1 chunk, once each.
    expect(fetched.sort()).toEqual(['/data/fashion-mnist-00.bin', '/data/fashion-mnist-index.json']);
    expect(await lineCount(page, 'Per-group accuracy')).toBe(10);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows chunks, bytes and the time left while chunks load', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    // Hold the second chunk back, as a slow connection would (a context route also sees the worker's fetches).
    await context.route('**/data/fashion-mnist-01.bin', async (route) => {
      await new Promise((r) => setTimeout(r, 2000));
      await route.continue();
    });
    const t0 = Date.now();
    await page.goto(`${inject('baseUrl')}#v=1&preset=fashion-classes&data.samples=2000&backend=wasm`);
    const status = () => page.evaluate(() => document.querySelector('details.data-panel .data-loading [role=status]')?.textContent ?? '');
    await expect.poll(status, { timeout: 30_000 }).toMatch(/^Fashion-MNIST: 1 of 2 chunks \(0\.8 MB of 1\.6 MB\), about \d+ s left/);
    expect(await page.getByRole('progressbar', { name: 'Data loading' }).getAttribute('value')).toBe('0.5');
    await page.locator('details.data-panel table').waitFor({ timeout: 30_000 });
    console.log(`data panel with a 2 s slow chunk: ready ${Date.now() - t0} ms after navigation`);
    await context.close();
  });
});
