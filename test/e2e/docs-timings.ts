// The preset timings in docs/playground.md, measured (run: `npm run docs:timings [preset ids]`; E2E_SKIP_BUILD=1
// reuses dist/). Each preset is opened in headless Chromium without a GPU (auto → wasm, multi-threaded), its estimate
// read from beside Run once ready, then run; the wall time from the click to complete Results is written into the
// table between the markers in docs/playground.md, with the machine it ran on. Docs never state a time by hand.
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findPreset } from '../../src/engine/contract/presets';
import { buildAndServe } from './serve';
import { waitForRunEnd } from './browser';

const root = fileURLToPath(new URL('../..', import.meta.url));
const doc = `${root}docs/playground.md`;
const [START, END] = ['<!-- timings:start (npm run docs:timings) -->', '<!-- timings:end -->'];
/** The presets that run on shipped data (the others need the user's files). */
const DEFAULT = ['start-here', 'synthetic-minority', 'mnist-imbalanced', 'fashion-classes', 'mitigation-modes', 'full-vs-relaxed'];

/** Replaces the table between the markers in docs/playground.md. */
async function writeTable(rows: string[], load: string, chromiumVersion: string): Promise<void> {
  const table = [
    START,
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run docs:timings\`: headless Chromium ${chromiumVersion}, no GPU (wasm), ${cpus().length} cores, load average ${load} at the start (other work on the machine makes every time longer).`,
    '',
    '| Preset | Estimate shown before Run | Measured, Run to complete |',
    '|---|---|---|',
    ...rows,
    END,
  ].join('\n');
  const text = await readFile(doc, 'utf8');
  const [i, j] = [text.indexOf(START), text.indexOf(END)];
  if (i < 0 || j < 0) throw new Error(`docs/playground.md lacks the markers ${START} … ${END}`);
  await writeFile(doc, text.slice(0, i) + table + text.slice(j + END.length));
}

async function main() {
  const ids = process.argv.length > 2 ? process.argv.slice(2) : DEFAULT;
  for (const id of ids) if (!findPreset(id)) throw new Error(`unknown preset ${id}`);
  const { url, server } = await buildAndServe(root);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--no-first-run'] });
  const rows: string[] = [];
  const load = loadavg()[0].toFixed(1);
  try {
    for (const id of ids) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
      await page.goto(`${url}#v=1&preset=${id}`);
      const estimate = page.getByTestId('run-estimate');
      await page.waitForFunction(() => document.querySelector('[data-testid="run-estimate"]')?.getAttribute('data-status') === 'ready', null, { timeout: 300_000 });
      const said = ((await estimate.textContent()) ?? '').replace(/^⚠ a long run: /, '').replace(/ \(over .*\)$/, '');
      const t0 = Date.now();
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      const status = await waitForRunEnd(page, 3_600_000);
      const seconds = (Date.now() - t0) / 1000;
      if (status !== 'complete') throw new Error(`${id}: the run ended ${status}: ${await page.locator('.progress-label').textContent()}`);
      const c = findPreset(id)?.config as { seeds?: number };
      rows.push(`| \`${id}\` (${c.seeds ?? 1} seed${(c.seeds ?? 1) > 1 ? 's' : ''}) | ${said} | ${Math.round(seconds)} s |`);
      console.log(rows.at(-1));
      // Written after every preset, so a long or interrupted measurement keeps what it measured.
      await writeTable(rows, load, browser.version());
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`wrote ${rows.length} rows to docs/playground.md`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
