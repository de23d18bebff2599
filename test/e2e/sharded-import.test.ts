import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { tinyConfig } from '../helpers/tiny-config';
import { launchBrowser, lineCount, trackErrors } from './browser';

// A sweep run as 4 shards, 2 at a time with xargs -P (scripts/run-shards.sh, as docs/scale.md runs it without a
// cluster), merged, then imported into the page like any Results file.
describe('a sharded sweep, merged, in the page', () => {
  let browser: Browser;
  let merged: string;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pfp-e2e-shards-'));
    const config = join(dir, 'tiny.json');
    writeFileSync(config, JSON.stringify({ ...tinyConfig, seeds: 2 }));
    const run = spawnSync('bash', ['scripts/run-shards.sh', '4', '2', join(dir, 'sweep'), '--config', config], { encoding: 'utf8', timeout: 240_000 });
    expect(run.status, run.stderr).toBe(0);
    merged = readFileSync(join(dir, 'sweep', 'results.json'), 'utf8');
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => browser?.close());

  it('renders the merged file: every group, both seeds, nothing recomputed', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = trackErrors(page);
    await page.goto(inject('baseUrl'));
    await page.getByLabel('Import results file').setInputFiles({ name: 'results.json', mimeType: 'application/json', buffer: Buffer.from(merged) });
    await expect.poll(() => lineCount(page, 'Per-group accuracy')).toBe(3);
    expect(await page.getByRole('status').filter({ hasText: 'Imported results.json' }).count()).toBe(1);
    expect(await page.locator('.app').getAttribute('data-status')).toBe('idle');
    expect(JSON.parse(merged).runs).toHaveLength(6);
    expect(errors).toEqual([]);
  });
});
