import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, lineCount, TINY, trackErrors, waitForRunEnd } from './browser';

describe('export and import of Results', () => {
  let browser: Browser;
  let exported: string;
  let csv: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${inject('baseUrl')}#v=1&${TINY}&backend=wasm&autorun=1`);
    expect(await waitForRunEnd(page)).toBe('complete');
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    exported = await readFile((await json.path()) as string, 'utf8');
    const [table] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    csv = await readFile((await table.path()) as string, 'utf8');
    await page.close();
  });
  afterAll(async () => browser?.close());

  it('exports Results JSON and a CSV row per point and group', () => {
    const results = JSON.parse(exported);
    expect(results.status).toBe('complete');
    expect(results.runs).toHaveLength(3);
    expect(csv.trim().split('\n')).toHaveLength(1 + 3 * 3);
  });

  it('renders an imported file without recomputing (file input)', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = trackErrors(page);
    await page.goto(inject('baseUrl'));
    await page.getByLabel('Import results file').setInputFiles({ name: 'results.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await expect.poll(() => lineCount(page, 'Per-group accuracy')).toBe(3);
    expect(await page.locator('.app').getAttribute('data-status')).toBe('idle'); // nothing ran
    expect(await page.getByRole('status').filter({ hasText: 'Imported results.json' }).count()).toBe(1);
    // The imported config is loaded too, so the results are not stale and the link describes them.
    expect(await page.getByRole('textbox', { name: 'Epochs', exact: true }).inputValue()).toBe('2');
    expect(await page.getByText('settings have changed').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('renders a file dropped on the page, and rejects a file that is not Results', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(inject('baseUrl'));
    const drop = (text: string, name: string) =>
      page.evaluate(
        ([t, n]) => {
          const dt = new DataTransfer();
          dt.items.add(new File([t], n, { type: 'application/json' }));
          window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt }));
          window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
        },
        [text, name],
      );
    await drop('{"hello": 1}', 'other.json');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Could not import other.json' }).count()).toBe(1);
    await drop(exported, 'dropped.json');
    await expect.poll(() => lineCount(page, 'Per-group gradient norm')).toBe(3);
  });
});
