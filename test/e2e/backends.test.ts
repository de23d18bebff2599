import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, lineCount, trackErrors, waitForRunEnd } from './browser';

// The smallest sweep: the WebGPU test runs on SwiftShader's software adapter, which is very slow.
const MINI = 'data.numClasses=2&data.numGroups=2&data.groupShares=1,0.3&data.groupDifficulty=0.1,0.6&data.samples=200&data.imageSize=8&model.convFilters=2,2&model.dense=4,4&train.epochs=1&prune.rates=0.5&prune.fineTuneEpochs=0&hessian.when=off';

describe('forced backends', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  for (const backend of ['wasm', 'webgpu'] as const) {
    it(`runs on ${backend} when the link forces it`, async () => {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const errors = trackErrors(page);
      await page.goto(`${inject('baseUrl')}#v=1&${MINI}&backend=${backend}&autorun=1`);
      expect(await waitForRunEnd(page, 170_000)).toBe('complete');
      const badge = page.getByTestId('backend-badge');
      expect(await badge.getAttribute('data-backend')).toBe(backend);
      expect(await badge.getAttribute('class')).not.toContain('fallback'); // the forced backend was the one used
      expect(await lineCount(page, 'Per-group accuracy')).toBe(2);
      if (backend === 'wasm') expect(await page.evaluate(() => crossOriginIsolated)).toBe(true); // wasm threads need it
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('reports a crashed engine worker, restarts it and runs again', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${inject('baseUrl')}#v=1&${MINI}&backend=wasm`);
    // Probing wasm (threads, SIMD) can take several seconds on a loaded 2-core machine.
    await expect.poll(() => page.getByTestId('backend-badge').getAttribute('data-backend'), { timeout: 30_000 }).toBe('wasm');
    const engine = page.workers().find((w) => w.url().includes('engine'));
    expect(engine).toBeDefined();
    // An uncaught error inside the worker, as a tfjs or driver failure would throw.
    await engine!.evaluate(() => setTimeout(() => {
      throw new Error('simulated engine failure');
    }));
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'The engine stopped' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    expect(await waitForRunEnd(page)).toBe('complete');
    await page.close();
  });
});
