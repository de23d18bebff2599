import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Results } from '../../src/engine/contract/results';
import { launchBrowser, TINY, trackErrors, waitForRunEnd } from './browser';

// The λ(H_a) helper worker (worker/hessian-helper-*.ts): where the engine leaves a core free (the automatic thread
// count), a second worker computes part of each measurement's λ jobs. The numbers must not depend on it.

const badge = (page: Page) => page.getByTestId('backend-badge');

/** Runs TINY (λ(H_a) at every rate) to the end; returns the exported Results and the progress messages seen. */
async function runAndExport(page: Page): Promise<{ results: Results; messages: string[] }> {
  await page.evaluate(`(() => { window.__messages = []; const seen = () => { const m = document.querySelector('.progress-message')?.textContent; if (m && window.__messages.at(-1) !== m) window.__messages.push(m); }; window.__probe = setInterval(seen, 5); })()`);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  expect(await waitForRunEnd(page)).toBe('complete');
  const messages = (await page.evaluate('(() => { clearInterval(window.__probe); return window.__messages; })()')) as string[];
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  return { results: JSON.parse(await readFile((await json.path()) as string, 'utf8')) as Results, messages };
}

const lambdas = (r: Results) => r.runs.map((run) => [run.rate, ...run.groups.map((g) => g.hessianMax?.value ?? null), run.overall.hessianMax?.value ?? null]);

describe('the λ(H_a) helper worker', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('shares λ(H_a) at the automatic thread count, says so, and gives the numbers the engine gives alone', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const errors = trackErrors(page);
    await page.goto(`${inject('baseUrl')}#v=1&${TINY}&backend=wasm`);
    await expect.poll(() => badge(page).getAttribute('data-backend'), { timeout: 60_000 }).toBe('wasm');
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    if (cores < 2) return; // no core to spare: no helper (contract/wasm-threads.ts)
    expect(await badge(page).getAttribute('data-hessian-helper')).toBe('yes');
    expect(await badge(page).textContent()).toContain('+ λ helper');
    const shared = await runAndExport(page);
    expect(shared.messages.some((m) => m.includes('shared with a helper worker'))).toBe(true);

    // Every core for the engine: no core left, no helper; λ computed by the engine alone.
    await page.getByLabel('WebAssembly threads').selectOption(String(cores));
    await expect.poll(() => badge(page).textContent(), { timeout: 60_000 }).toContain(`wasm · ${cores} threads`);
    expect(await badge(page).getAttribute('data-hessian-helper')).toBe('no');
    const alone = await runAndExport(page);
    expect(alone.messages.some((m) => m.includes('helper'))).toBe(false);

    expect(lambdas(shared.results).length).toBe(3);
    expect(lambdas(shared.results).flat().every((v) => v !== null)).toBe(true);
    expect(lambdas(shared.results)).toEqual(lambdas(alone.results));
    expect(errors).toEqual([]);
    await context.close();
  });
});
