import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, lineCount, TINY, trackErrors, waitForRunEnd } from './browser';

// A phone (390×844) and a 1280×720 projector, in normal and presenter mode: nothing overflows sideways and the first
// chart is on screen without scrolling, on a fresh page and with results.

const SCREENS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'projector', width: 1280, height: 720 },
] as const;
const MODES = [
  { name: 'normal', hash: '' },
  { name: 'presenter', hash: '&presenter=1' },
] as const;

interface Layout {
  scrollWidth: number;
  innerWidth: number;
  innerHeight: number;
  /** The first chart card's title, and the tops of the card and of its plot (the chart's <svg>, if drawn). */
  title: string;
  cardTop: number;
  plotTop: number | null;
  plotBottom: number | null;
}

const measure = (page: Page): Promise<Layout> =>
  page.evaluate(() => {
    const card = document.querySelector('.chart-card');
    const plot = card?.querySelector('svg.recharts-surface')?.getBoundingClientRect() ?? null;
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth,
      innerHeight,
      title: card?.querySelector('h3')?.textContent ?? '',
      cardTop: card?.getBoundingClientRect().top ?? Infinity,
      plotTop: plot?.top ?? null,
      plotBottom: plot?.bottom ?? null,
    };
  });

describe('layout on a phone and a projector', () => {
  let browser: Browser;
  let exported: Buffer;
  beforeAll(async () => {
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${inject('baseUrl')}#v=1&preset=start-here&${TINY}&backend=wasm&autorun=1`);
    expect(await waitForRunEnd(page)).toBe('complete');
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    exported = await readFile((await json.path()) as string);
    await page.close();
  });
  afterAll(async () => browser?.close());

  for (const screen of SCREENS) {
    for (const mode of MODES) {
      it(`${screen.name} ${screen.width}×${screen.height}, ${mode.name}: no sideways overflow, the first chart on screen`, async () => {
        const page = await browser.newPage({ viewport: { width: screen.width, height: screen.height } });
        const errors = trackErrors(page);
        await page.goto(`${inject('baseUrl')}#v=1&preset=start-here${mode.hash}`);
        await page.locator('details.data-panel summary').filter({ hasText: 'train' }).waitFor({ timeout: 60_000 });
        const fresh = await measure(page);

        await page.getByLabel('Import results file').setInputFiles({ name: 'results.json', mimeType: 'application/json', buffer: exported });
        await expect.poll(() => lineCount(page, 'Per-group accuracy')).toBe(3);
        const withResults = await measure(page);
        console.log(`${screen.name} ${mode.name}: fresh ${JSON.stringify(fresh)}; with results ${JSON.stringify(withResults)}`);

        for (const [state, m] of Object.entries({ fresh, withResults })) {
          expect(m.scrollWidth, `${state}: page width`).toBeLessThanOrEqual(m.innerWidth);
          expect(m.title, state).toBe('Per-group accuracy');
          expect(m.cardTop, `${state}: first chart's top`).toBeLessThan(m.innerHeight);
        }
        // With results the plot itself starts on screen, and shows at least half of itself.
        const { plotTop, plotBottom, innerHeight } = withResults;
        expect(plotTop).not.toBeNull();
        expect((innerHeight - (plotTop as number)) / ((plotBottom as number) - (plotTop as number))).toBeGreaterThan(0.5);
        expect(errors).toEqual([]);
        await page.close();
      });
    }
  }
});
