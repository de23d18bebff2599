import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseResults, type Results } from '../../src/engine/contract/results';
import { tinyConfig } from '../helpers/tiny-config';

const tsx = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', timeout: 120_000 });
const read = (file: string): Results => {
  const r = parseResults(JSON.parse(readFileSync(file, 'utf8')));
  if (!r.ok) throw new Error(r.error);
  return r.results;
};
/** What a sweep measured, without when and how long. */
const measured = (r: Results) => ({ runs: r.runs.map((run) => ({ ...run, wallMs: 0 })), training: r.training, correlations: r.correlations, config: r.config });

describe('sharded and parallel sweeps from the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pfp-shards-'));
  const config = join(dir, 'tiny.json');
  writeFileSync(config, JSON.stringify({ ...tinyConfig, seeds: 2 }));

  it('--jobs 2, and 4 shards run by xargs -P 2 and merged, write the serial sweep\'s numbers', () => {
    const serial = tsx('src/cli/experiment.ts', '--config', config, '--out', join(dir, 'serial'), '--jobs', '1', '--quiet');
    expect(serial.status, serial.stderr).toBe(0);
    const reference = measured(read(join(dir, 'serial', 'results.json')));

    const jobs = tsx('src/cli/experiment.ts', '--config', config, '--out', join(dir, 'jobs'), '--jobs', '2', '--quiet');
    expect(jobs.status, jobs.stderr).toBe(0);
    expect(measured(read(join(dir, 'jobs', 'results.json')))).toEqual(reference);

    const local = spawnSync('bash', ['scripts/run-shards.sh', '4', '2', join(dir, 'sharded'), '--config', config], { encoding: 'utf8', timeout: 240_000 });
    expect(local.status, local.stderr).toBe(0);
    expect(local.stdout).toMatch(/merged 4 shards \(6 runs\)/);
    const shard = read(join(dir, 'sharded', 'shard-1', 'results.json'));
    expect(shard.shard).toEqual({ index: 1, count: 4, pieces: ['seed 1 · plain · rates 0.9'], plan: expect.arrayContaining(['seed 2 · plain · rates 0.5']), owners: [0, 1, 2, 3] });
    expect(measured(read(join(dir, 'sharded', 'results.json')))).toEqual(reference);

    // A shard missing: refused in one line, exit 2, naming it.
    const merge = tsx('src/cli/merge.ts', join(dir, 'sharded', 'shard-0', 'results.json'), join(dir, 'sharded', 'shard-2', 'results.json'), '--out', join(dir, 'bad'));
    expect(merge.status).toBe(2);
    expect(merge.stderr.trim()).toBe('error: missing shards 1/4, 3/4 (pieces: seed 1 · plain · rates 0.9; seed 2 · plain · rates 0.9)');
  }, 300_000);

  it.each([
    [['--shard', '4/4'], /--shard: expected i\/n with 0 <= i < n/],
    [['--shard', 'two'], /--shard: expected i\/n/],
    [['--jobs', '0'], /--jobs: expected a whole number from 1 to 256/],
  ])('rejects %j with exit 2', (flags, message) => {
    const r = tsx('src/cli/experiment.ts', '--preset', 'start-here', '--out', dir, ...flags);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
