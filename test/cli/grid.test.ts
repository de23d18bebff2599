import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExperimentArgs } from '../../src/cli/args';
import { sweepJobs } from '../../src/cli/sweep-jobs';

const dir = mkdtempSync(join(tmpdir(), 'pfp-grid-'));
const gridFile = (grid: unknown) => {
  const file = join(dir, `grid-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(grid));
  return file;
};

describe('--grid', () => {
  const grid = gridFile({
    base: { preset: 'mnist-imbalanced' },
    axes: { 'data.longTail': [1, 10], 'mitigation.modes': [{ label: 'plain', value: ['none'] }, { label: 'four', value: ['none', 'before', 'after', 'both'] }] },
  });

  it('expands every combination into a named, validated config, with the command line over each', async () => {
    const args = await parseExperimentArgs(['--grid', grid, '--out', dir, '--seeds', '3']);
    expect(args.grid?.map((g) => g.name)).toEqual(['longTail-1_modes-plain', 'longTail-1_modes-four', 'longTail-10_modes-plain', 'longTail-10_modes-four']);
    expect(args.grid?.map((g) => [g.config.data.kind === 'mnist' && g.config.data.longTail, g.config.mitigation.modes.length, g.config.seeds])).toEqual([[1, 1, 3], [1, 4, 3], [10, 1, 3], [10, 4, 3]]);
  });

  it('deals all configs\' pieces out to the shards together, each piece to exactly one, each config to its own folder', async () => {
    const shards = 5;
    const taken = new Map<string, number>();
    for (let i = 0; i < shards; i++) {
      const jobs = sweepJobs(await parseExperimentArgs(['--grid', grid, '--out', dir, '--seeds', '3', '--shard', `${i}/${shards}`]));
      for (const job of jobs) {
        expect(job.out).toBe(join(dir, job.name as string, `shard-${i}`));
        expect(job.shard?.pieces).toEqual(job.pieces.map((p) => p.id));
        for (const p of job.pieces) taken.set(`${job.name}: ${p.id}`, (taken.get(`${job.name}: ${p.id}`) ?? 0) + 1);
      }
    }
    // 3 seeds: 1 dense model each for the plain configs, 2 (plain and mitigated) for the four-mode ones.
    expect(taken.size).toBe(2 * 3 + 2 * 6);
    expect([...taken.values()].every((n) => n === 1)).toBe(true);
  });

  it.each([
    [{ base: { preset: 'nope' }, axes: { seeds: [1] } }, /unknown preset "nope"/],
    [{ base: { preset: 'start-here' }, axes: {} }, /give at least one axis/],
    [{ base: { preset: 'start-here' }, axes: { 'train.epochs': [2, 999] } }, /grid config epochs-999: invalid setting train.epochs/],
    [{ base: { preset: 'start-here' }, axes: { 'train.__proto__': [1] } }, /not a usable config path/],
    [{ base: { preset: 'start-here' }, axes: { 'data.samples': [{ a: 1 }, { a: 2 }] } }, /invalid setting data.samples/],
  ])('refuses a bad grid with one clear message (%#)', async (g, message) => {
    await expect(parseExperimentArgs(['--grid', gridFile(g), '--out', dir])).rejects.toThrow(message);
  });
});

describe('the example grid in docs/configs', () => {
  it('expands to the 12 configs and 180 pieces at 10 seeds that docs/scale.md says', async () => {
    const args = await parseExperimentArgs(['--grid', 'docs/configs/grid-long-tail.json', '--out', dir, '--seeds', '10', '--shard', '0/1']);
    expect(args.grid).toHaveLength(12);
    expect(sweepJobs(args).reduce((s, j) => s + j.pieces.length, 0)).toBe(180);
  });
});
