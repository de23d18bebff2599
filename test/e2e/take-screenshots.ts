// Screenshots of the main states for docs/screenshots (run: `npm run screenshots`; E2E_SKIP_BUILD=1 reuses dist/).
// Chromium runs without --enable-unsafe-webgpu here, like a laptop without a GPU: "auto" picks wasm.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { buildAndServe } from './serve';
import { solidJpeg, targz } from '../helpers/image-fixtures';
import { waitForRunEnd } from './browser';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = `${root}docs/screenshots/`;
const only = process.argv.slice(2);

async function main() {
  await mkdir(outDir, { recursive: true });
  const { url, server } = await buildAndServe(root);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--no-first-run'] });
  const shot = async (name: string, hash: string, act: (page: Page) => Promise<void>, viewport = { width: 1440, height: 1000 }) => {
    if (only.length && !only.includes(name)) return;
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    const t0 = Date.now();
    await page.goto(`${url}#${hash}`);
    await act(page);
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${outDir}${name}.png` });
    console.log(`${name}.png (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    await page.close();
  };
  const ran = async (page: Page) => {
    const status = await waitForRunEnd(page, 600_000);
    if (status !== 'complete') throw new Error(`run ended ${status}`);
  };
  try {
    await shot('start-here', 'v=1&preset=start-here&autorun=1', ran);
    await shot('running', 'v=1&preset=start-here&autorun=1', async (page) => {
      await page.waitForFunction(() => Number(document.querySelector('progress')?.getAttribute('value') ?? 0) > 0.45, null, { timeout: 120_000 });
    });
    await shot('provisional', 'v=1&preset=start-here&rate=0.6&autorun=1', async (page) => {
      await ran(page);
      await page.waitForFunction(() => document.querySelector('[data-testid=rate-view]')?.getAttribute('data-source') === 'provisional', null, { timeout: 60_000 });
    });
    await shot('seeds-band', 'v=1&preset=start-here&seeds=3&autorun=1', ran);
    await shot('presenter', 'v=1&preset=start-here&presenter=1&autorun=1', ran, { width: 1600, height: 1000 });
    // The layouts of test/e2e/layout.test.ts: a phone and a 1280×720 projector, the first chart without scrolling.
    await shot('phone', 'v=1&preset=start-here&autorun=1', ran, { width: 390, height: 844 });
    await shot('phone-presenter', 'v=1&preset=start-here&presenter=1&autorun=1', ran, { width: 390, height: 844 });
    await shot('projector', 'v=1&preset=start-here&autorun=1', ran, { width: 1280, height: 720 });
    await shot('projector-presenter', 'v=1&preset=start-here&presenter=1&autorun=1', ran, { width: 1280, height: 720 });
    await shot('mitigation', 'v=1&preset=mitigation-modes&seeds=2&autorun=1', async (page) => {
      await ran(page);
      await page.getByRole('region', { name: 'Accuracy by mitigation mode' }).scrollIntoViewIfNeeded();
    });
    await shot('mnist', 'v=1&preset=mnist-imbalanced&autorun=1', ran);
    await shot('pies', 'v=1&preset=mnist-imbalanced&hessian.when=off&autorun=1', async (page) => {
      await ran(page);
      const chart = page.getByRole('region', { name: 'PIEs per group' });
      await page.getByRole('region', { name: 'Pruning identified exemplars' }).locator('figure.pie-item canvas').first().waitFor({ timeout: 60_000 });
      // Below the sticky rate bar: the chart's title and the first rows of the gallery in view.
      await chart.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 150));
    });
    await shot('fashion-data', 'v=1&preset=fashion-classes', async (page) => {
      await page.locator('.data-panel .sample-grid canvas').nth(79).waitFor({ timeout: 60_000 });
    });
    await shot('user-data', 'v=1&preset=utkface-table2&data.samples=300', async (page) => {
      // Generated stand-ins for UTKFace (solid-colour faces named as UTKFace names them; one badly named file).
      const faces = Array.from({ length: 300 }, (_, i) => ({
        path: `UTKFace/${[1, 5, 15, 25, 35, 45, 55, 65, 80][i % 9]}_${i % 2}_${i % 5}_2017${String(i).padStart(6, '0')}.jpg.chip.jpg`,
        bytes: solidJpeg([(i % 5) * 50, 200 - (i % 9) * 20, (i * 37) % 256], 200, 200),
      }));
      const archive = targz([...faces, { path: 'UTKFace/39_1_20170116174525125.jpg.chip.jpg', bytes: faces[0].bytes }]);
      await page.getByLabel('Choose data files').setInputFiles({ name: 'UTKFace.tar.gz', mimeType: 'application/gzip', buffer: Buffer.from(archive) });
      await page.locator('.data-panel .sample-grid canvas').first().waitFor({ timeout: 120_000 });
      await page.locator('.data-panel').scrollIntoViewIfNeeded();
    });
    await shot('malformed-link', 'v=1&train.epochs=9999&bogus=1&data.samples=lots&prune.rates=0.5,zz', async (page) => {
      await page.getByRole('alert').first().waitFor();
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
