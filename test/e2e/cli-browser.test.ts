import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseResults, type Results } from '../../src/engine/contract/results';
import { tinyConfig } from '../helpers/tiny-config';

// Issue 11: `npm run experiment -- --browser` runs the sweep inside headless Chromium, in the app's own engine worker,
// and writes the Results a Node run writes. On the cpu backend both sides run the same JavaScript kernels on float32,
// so the measured numbers must be the same, not just the shape.

const experiment = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/experiment.ts', ...args], { encoding: 'utf8', timeout: 180_000 });
const read = (file: string): Results => {
  const r = parseResults(JSON.parse(readFileSync(file, 'utf8')));
  if (!r.ok) throw new Error(r.error);
  return r.results;
};
/** What a sweep measured, without when, how long, and on which machine. */
const measured = (r: Results) => ({ runs: r.runs.map((run) => ({ ...run, wallMs: 0 })), training: r.training, correlations: r.correlations, config: r.config });

describe('the CLI in headless Chromium (--browser)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pfp-browser-'));
  const config = join(dir, 'tiny.json');
  writeFileSync(config, JSON.stringify({ ...tinyConfig, backend: 'cpu' }));

  it('writes the Results of a Node run, number for number on the cpu backend, with progress on stderr', () => {
    const node = experiment('--config', config, '--out', join(dir, 'node'), '--jobs', '1', '--quiet');
    expect(node.status, node.stderr).toBe(0);
    const browser = experiment('--config', config, '--out', join(dir, 'browser'), '--browser');
    expect(browser.status, browser.stderr).toBe(0);
    expect(browser.stderr).toMatch(/browser backend: cpu/);
    expect(browser.stderr).toMatch(/dense epoch 1\//);
    const fromBrowser = read(join(dir, 'browser', 'results.json'));
    expect(fromBrowser.status).toBe('complete');
    expect(fromBrowser.backend.name).toBe('cpu');
    expect(measured(fromBrowser)).toEqual(measured(read(join(dir, 'node', 'results.json'))));
    expect(browser.stdout).toMatch(/Fairness/);
  });
});
