// How long importing a large Results file blocks the page's main thread. Writes a ~50 MB Results file (the v1
// fixture's sweep repeated over many seeds, each run with 2,000 flipped test samples), imports it through the file
// input in headless Chromium and reports the main thread's long tasks (PerformanceObserver 'longtask') and the
// longest gap of a 10 ms interval timer between giving the file and the charts being drawn.
// Run: npx tsx test/e2e/measure-import.ts [app root] (default: this checkout; E2E_SKIP_BUILD=1 reuses its dist/).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeResultsText } from '../../src/engine/contract/decode-results';
import { createRng } from '../../src/engine/random';
import { measureInBrowser } from './measure-harness';

const root = resolve(process.argv[2] ?? fileURLToPath(new URL('../..', import.meta.url)));
const MB = Number(process.env.IMPORT_MB ?? 50);

function bigResults(): string {
  const d = decodeResultsText(readFileSync(new URL('../fixtures/results-v1.json', import.meta.url), 'utf8'));
  if (!d.ok) throw new Error(d.error);
  const rng = createRng(1, 'measure-import');
  const flips = () => Array.from({ length: 2000 }, () => ({ index: rng.int(1e5), group: rng.int(3), label: rng.int(3), dense: rng.int(3), pruned: rng.int(3) }));
  const perRun = JSON.stringify({ ...d.results.runs[0], flips: flips() }).length;
  const copies = Math.ceil((MB * 1e6) / perRun / d.results.runs.length);
  const runs = Array.from({ length: copies }, (_, k) => d.results.runs.map((r) => ({ ...r, seed: r.seed + 100 * k, flips: flips() }))).flat();
  return JSON.stringify({ ...d.results, config: { ...d.results.config, seeds: 1 }, runs });
}

measureInBrowser(async (url, browser) => {
  const text = bigResults();
  const file = join(mkdtempSync(join(tmpdir(), 'pfp-import-')), 'big-results.json');
  writeFileSync(file, text);
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${url}#v=1`);
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __gap: number };
    w.__long = [];
    w.__gap = 0;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask' });
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      w.__gap = Math.max(w.__gap, now - last);
      last = now;
    }, 10);
  });
  const t0 = Date.now();
  await page.getByLabel('Import results file').setInputFiles(file);
  await page.getByRole('status').filter({ hasText: 'Imported big-results.json' }).or(page.getByRole('alert')).first().waitFor({ timeout: 300_000 });
  const wall = (Date.now() - t0) / 1000;
  await page.waitForTimeout(500);
  const { long, gap } = await page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __gap: number };
    return { long: w.__long, gap: w.__gap };
  });
  const sum = long.reduce((a, b) => a + b, 0);
  console.log(`${(text.length / 1e6).toFixed(1)} MB Results file (${root}): imported in ${wall.toFixed(1)} s; main thread: ${long.length} long tasks, longest ${Math.max(0, ...long).toFixed(0)} ms, ${sum.toFixed(0)} ms in all; longest timer gap ${gap.toFixed(0)} ms`);
}, root);
