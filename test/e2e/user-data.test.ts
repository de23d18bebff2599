import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { solidJpeg, targz } from '../helpers/image-fixtures';
import { launchBrowser, lineCount, trackErrors, waitForRunEnd } from './browser';

// A generated UTKFace archive given to the page: decoded in the worker, shown in the data panel, then run, with
// every request staying on the page's own origin (the files are never uploaded).
const ages = [25, 35, 65];
const faces = Array.from({ length: 150 }, (_, i) => {
  const race = i % 5;
  return { path: `UTKFace/${ages[Math.floor(i / 5) % 3]}_${i % 2}_${race}_2017${String(i).padStart(6, '0')}.jpg.chip.jpg`, bytes: solidJpeg([race * 50, 255 - race * 40, (i * 7) % 256], 36, 36) };
});
const archive = targz([...faces, { path: 'UTKFace/broken_name.jpg', bytes: faces[0].bytes }]);
const LINK = [
  'data.kind=images', 'data.source=utkface', 'data.label=ethnicity', 'data.group=age', 'data.side=24', 'data.samples=150',
  'model.convFilters=2,4', 'model.dense=8,8', 'train.epochs=2', 'prune.rates=0.5', 'prune.fineTuneEpochs=0', 'hessian.when=off', 'backend=wasm',
].join('&');

describe('user data in the page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('decodes a dropped-in UTKFace archive on the device, shows groups and samples, and runs on it', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const errors = trackErrors(page);
    const origin = new URL(inject('baseUrl')).origin;
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url());
    });
    await page.goto(`${inject('baseUrl')}#v=1&${LINK}`);
    const panel = page.locator('details.data-panel');
    // Before the files are given, the panel says which files this config needs.
    await expect.poll(() => panel.getByRole('alert').textContent(), { timeout: 30_000 }).toMatch(/needs UTKFace data \(UTKFace\.tar\.gz or crop_part1\.tar\.gz/);

    await page.getByLabel('Choose data files').setInputFiles({ name: 'UTKFace.tar.gz', mimeType: 'application/gzip', buffer: Buffer.from(archive) });
    await expect.poll(() => panel.getByText(/Read 150 UTKFace images \(24×24 RGB\)/).count(), { timeout: 60_000 }).toBe(1);
    expect(await panel.getByText('skipped 1', { exact: false }).count()).toBeGreaterThan(0);

    // Label ethnicity (5 columns), group age (3 bins present as rows), and sample images per group.
    const table = panel.getByRole('table', { name: /Training samples per group and class/ });
    await table.waitFor({ timeout: 30_000 });
    expect(await table.locator('tbody th').allTextContents()).toEqual(['20-29', '30-39', '60-69']);
    expect(await table.locator('thead th').allTextContents()).toEqual(expect.arrayContaining(['White', 'Black', 'Asian', 'Indian', 'Others']));
    expect(await panel.locator('.sample-grid canvas').count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Run', exact: true }).click();
    expect(await waitForRunEnd(page)).toBe('complete');
    await expect.poll(() => lineCount(page, 'Per-group accuracy')).toBe(3);

    // A reload finds the data on this device: no files asked for again.
    await page.reload();
    await expect.poll(() => page.locator('details.data-panel').getByText(/Read 150 UTKFace images/).count(), { timeout: 30_000 }).toBe(1);
    await page.getByRole('button', { name: 'Forget this data' }).click();
    await expect.poll(() => page.locator('details.data-panel').getByText(/Read 150 UTKFace images/).count()).toBe(0);

    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a shared link with autorun says which files to give, then runs once they are dropped on the panel', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${inject('baseUrl')}#v=1&${LINK}&autorun=1`);
    expect(await waitForRunEnd(page)).toBe('failed');
    await expect.poll(() => page.getByText(/this config needs UTKFace data/).count()).toBeGreaterThan(0);
    await page.locator('.user-data-panel').evaluate((el, bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], 'UTKFace.tar.gz', { type: 'application/gzip' }));
      el.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, Array.from(archive));
    await expect.poll(() => page.locator('.app').getAttribute('data-status'), { timeout: 60_000 }).toBe('complete');
    await expect.poll(() => lineCount(page, 'Per-group accuracy')).toBe(3);
    await page.getByRole('button', { name: 'Forget this data' }).click();
  });
});
