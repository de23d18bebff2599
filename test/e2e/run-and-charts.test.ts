import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, lineCount, TINY, trackErrors, waitForRunEnd } from './browser';

describe('a preset link with autorun', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    errors = trackErrors(page);
    await page.goto(`${inject('baseUrl')}#v=1&preset=start-here&${TINY}&backend=wasm&autorun=1`);
    expect(await waitForRunEnd(page)).toBe('complete');
  });
  afterAll(async () => browser?.close());
  /** The label of a chart's selected-rate line (recharts draws it beside the axis titles, in a layer of their own). */
  const rateLineLabel = async (region: string) => {
    const labels = await page.getByRole('region', { name: region, exact: true }).locator('.recharts-label').allTextContents();
    return labels.filter((t) => /^\d+%/.test(t));
  };

  it('runs to Results and draws one series per group in every per-group chart', async () => {
    const groups = await page.getByRole('list', { name: 'Groups' }).getByRole('button').count();
    expect(groups).toBe(3);
    for (const region of ['Per-group accuracy', 'Per-group gradient norm', 'Per-group Hessian max eigenvalue', 'Training curves per group']) {
      expect(await lineCount(page, region), region).toBe(groups);
    }
    // A marker and a curve point per measured rate (0, 50%, 90%) on every group's line: the charts skip redraws while
    // their data stays the same, and must still end with all of it. (A memo that misses a dependency can be hidden
    // here by a later redraw: lint's react-hooks/exhaustive-deps is an error for that.)
    const accuracy = page.getByRole('region', { name: 'Per-group accuracy', exact: true });
    expect(await accuracy.locator('.series-marker').count()).toBe(3 * groups);
    for (let a = 0; a < groups; a++) {
      const d = (await accuracy.locator(`.recharts-line.series-g${a} path.recharts-line-curve`).getAttribute('d')) ?? '';
      expect(d.split(/[ML]/).filter((p) => p.trim()).length, `group ${a}`).toBe(3);
    }
    // One seed: no band over seeds is mounted (it would draw nothing); bootstrap error bars where the metric has them.
    expect(await accuracy.locator('.recharts-area').count()).toBe(0);
    expect(await accuracy.locator('.recharts-errorBars').count()).toBe(groups);
    expect(await page.getByRole('region', { name: 'Per-group gradient norm', exact: true }).locator('.recharts-errorBars').count()).toBe(0);
    // Scatter views draw one symbol series per group too.
    expect(await page.getByRole('region', { name: 'Accuracy vs ||g_a||' }).locator('.recharts-scatter').count()).toBe(groups);
    expect(await page.getByTestId('backend-badge').textContent()).toContain('wasm');
    expect(errors).toEqual([]);
  });

  it('shows the PIEs at the selected rate: counts per group as a chart, and their test images with labels', async () => {
    const gallery = page.getByRole('region', { name: 'Pruning identified exemplars' });
    const captions = gallery.locator('figure.pie-item figcaption');
    const shown = await captions.count();
    // The tiny model at 90% forgets some test images; each is drawn once its pixels come from the worker.
    expect(shown).toBeGreaterThan(0);
    await expect.poll(() => gallery.locator('figure.pie-item canvas').count(), { timeout: 30_000 }).toBe(shown);
    expect(await captions.first().textContent()).toMatch(/^.+: .+→.+$/);
    expect(await gallery.locator('canvas').first().getAttribute('aria-label')).toMatch(/^test #\d+: true .+, dense .+ → pruned .+$/);
    // The drawn pixels are an image, not a blank canvas.
    const distinct = await gallery.locator('canvas').first().evaluate((c: HTMLCanvasElement) => {
      const d = (c.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, c.width, c.height).data;
      return new Set(Array.from({ length: d.length / 4 }, (_, i) => d[4 * i])).size;
    });
    expect(distinct).toBeGreaterThan(1);
    expect(await page.getByRole('region', { name: 'PIEs per group' }).locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('moves between measured rates with the slider and updates the selected-rate view', async () => {
    const slider = page.getByRole('slider', { name: 'Pruning rate' });
    const view = page.getByTestId('rate-view');
    expect(await view.getAttribute('data-rate')).toBe('0.9');
    const at90 = await view.textContent();
    const bars90 = await page.getByRole('region', { name: 'Accuracy change at the selected rate' }).locator('.recharts-bar-rectangle path').evaluateAll((ps) => ps.map((p) => p.getAttribute('d')));
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => view.getAttribute('data-rate')).toBe('0.5');
    expect(await view.getAttribute('data-source')).toBe('measured');
    expect(await view.textContent()).not.toBe(at90);
    const bars50 = await page.getByRole('region', { name: 'Accuracy change at the selected rate' }).locator('.recharts-bar-rectangle path').evaluateAll((ps) => ps.map((p) => p.getAttribute('d')));
    expect(bars50).not.toEqual(bars90);
    // The selected-rate line (a component of its own inside each chart) follows the slider in every per-group chart.
    for (const name of ['Per-group accuracy', 'Per-group gradient norm', 'Per-group Hessian max eigenvalue']) {
      await expect.poll(() => rateLineLabel(name)).toEqual(['50%']);
    }
  });

  it('asks the worker for a provisional point between measured rates', async () => {
    await page.getByRole('slider', { name: 'Pruning rate' }).fill('0.7');
    const view = page.getByTestId('rate-view');
    await expect.poll(() => view.getAttribute('data-rate')).toBe('0.7');
    await expect.poll(() => view.getAttribute('data-source'), { timeout: 30_000 }).toBe('provisional');
    expect(await view.textContent()).toContain('provisional');
    // The provisional points are drawn in the per-group accuracy chart as a separate symbol series per group.
    expect(await page.getByRole('region', { name: 'Per-group accuracy', exact: true }).locator('.recharts-scatter').count()).toBe(3);
    // A provisional point has no λ(H_a) (the quick evaluation skips the Hessian): no marker there, not one drawn above
    // the plot for a missing value.
    expect(await page.getByRole('region', { name: 'Per-group Hessian max eigenvalue', exact: true }).locator('.recharts-scatter-symbol').count()).toBe(0);
    await expect.poll(() => rateLineLabel('Per-group accuracy')).toEqual(['70% (provisional)']);
  });

  it('exports a chart as PNG and as SVG', async () => {
    const region = page.getByRole('region', { name: 'Per-group accuracy', exact: true });
    const [png] = await Promise.all([page.waitForEvent('download'), region.getByRole('button', { name: 'Export Per-group accuracy as PNG' }).click()]);
    expect(png.suggestedFilename()).toBe('per-group-accuracy.png');
    const bytes = await readFile((await png.path()) as string);
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(5000);
    const [svg] = await Promise.all([page.waitForEvent('download'), region.getByRole('button', { name: 'Export Per-group accuracy as SVG' }).click()]);
    const text = await readFile((await svg.path()) as string, 'utf8');
    expect(text).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text.match(/recharts-line series series-g\d/g)?.length).toBe(3); // one line per group
  });

  it('highlights a hovered group in every chart', async () => {
    await page.getByRole('list', { name: 'Groups' }).getByRole('button').nth(2).hover();
    const opacities = await page.locator('.recharts-line.series-g0 path.recharts-line-curve').evaluateAll((ps) => ps.map((p) => Number(p.getAttribute('stroke-opacity'))));
    expect(opacities.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...opacities)).toBeLessThan(0.5);
    const hovered = await page.locator('.recharts-line.series-g2 path.recharts-line-curve').evaluateAll((ps) => ps.map((p) => Number(p.getAttribute('stroke-opacity'))));
    expect(Math.min(...hovered)).toBe(1);
    await page.mouse.move(0, 0);
  });

  it('stays responsive while a run streams, and Cancel stops it', async () => {
    // The tiny sweep ends in about a second: the start-here preset takes long enough to watch it run.
    await page.getByRole('button', { name: /^Load preset: Start here/ }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('.app')?.getAttribute('data-status') === 'running');
    // The main thread keeps painting frames: the longest gap between animation frames over 1.5 s of training.
    const maxGap = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let last = performance.now();
          let max = 0;
          const end = last + 1500;
          const frame = (t: number) => {
            max = Math.max(max, t - last);
            last = t;
            if (t < end) requestAnimationFrame(frame);
            else resolve(max);
          };
          requestAnimationFrame(frame);
        }),
    );
    expect(maxGap).toBeLessThan(250);
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await waitForRunEnd(page)).toBe('cancelled');
    expect(errors).toEqual([]);
  });
});

describe('a sweep over two seeds', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it("shades each group's band over the seeds in the per-group charts", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = trackErrors(page);
    await page.goto(`${inject('baseUrl')}#v=1&preset=start-here&${TINY}&seeds=2&backend=wasm&autorun=1`);
    expect(await waitForRunEnd(page)).toBe('complete');
    for (const region of ['Per-group accuracy', 'Per-group gradient norm']) {
      const chart = page.getByRole('region', { name: region, exact: true });
      expect(await chart.locator('.recharts-area').count(), region).toBe(3);
      // Each with an outline to shade: mean ± sd over two seeds that differ.
      const drawn = await chart.locator('.recharts-area path').evaluateAll((ps) => ps.filter((p) => (p.getAttribute('d') ?? '').length > 0).length);
      expect(drawn, region).toBeGreaterThanOrEqual(3);
    }
    expect(errors).toEqual([]);
  });
});
