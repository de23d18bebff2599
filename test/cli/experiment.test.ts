import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseResults } from '../../src/engine/contract/results';
import { tinyConfig } from '../helpers/tiny-config';

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/experiment.ts', ...args], { encoding: 'utf8', timeout: 120_000 });

describe('npm run experiment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pfp-cli-'));

  it.each([
    [['--preset', 'nope', '--out', dir], /unknown preset "nope"/],
    [['--preset', 'start-here'], /--out <dir> is required/],
    [['--out', dir], /exactly one of --preset/],
    [['--preset', 'start-here', '--out', dir, '--frobnicate'], /Unknown option '--frobnicate'/],
    [['--preset', 'start-here', '--out', dir, '--modes', 'none,sideways'], /--modes: each must be one of/],
    [['--preset', 'start-here', '--out', dir, '--seeds', '99'], /invalid setting seeds/],
    [['--config', join(dir, 'missing.json'), '--out', dir], /cannot read config file/],
  ])('exits 2 with one clear line for %j', (args, message) => {
    const r = cli(...args);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('rejects an invalid config file, naming the setting', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ train: { epochs: -3 } }));
    const r = cli('--config', file, '--out', dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/invalid config file .*bad\.json: train\.epochs/);
    writeFileSync(file, '{ not json');
    expect(cli('--config', file, '--out', dir).stderr).toMatch(/is not valid JSON/);
  });

  it('runs a config file, writes results.json and the saved models a NumPy user can read', () => {
    const file = join(dir, 'tiny.json');
    writeFileSync(file, JSON.stringify(tinyConfig));
    const out = join(dir, 'run');
    const r = cli('--config', file, '--out', out, '--rates', '0.5', '--save-models', '--quiet');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Per-group accuracy on the test split \(mode none\)/);
    expect(r.stdout).toMatch(/Hessian max eigenvalue/);
    const parsed = parseResults(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.results.runs.map((run) => run.rate)).toEqual([0, 0.5]);
    const manifest = JSON.parse(readFileSync(join(out, 'models', 'seed1-none-rate500.json'), 'utf8'));
    const bytes = readFileSync(join(out, 'models', manifest.weightsFile));
    const total = manifest.params.reduce((s: number, p: { length: number }) => s + p.length, 0);
    expect(bytes.byteLength).toBe(4 * total);
    const flat = new Float32Array(bytes.buffer, bytes.byteOffset, total);
    const kernel = manifest.params.find((p: { role: string }) => p.role === 'kernel');
    const zeros = flat.subarray(kernel.offset, kernel.offset + kernel.length).filter((v) => v === 0).length;
    expect(zeros).toBeGreaterThan(0); // masks applied
    const test = JSON.parse(readFileSync(join(out, 'testset', 'manifest.json'), 'utf8'));
    expect(readFileSync(join(out, 'testset', 'images.f32')).byteLength).toBe(4 * test.count * 64);
    expect(existsSync(join(out, 'testset', 'groups.i32'))).toBe(true);

    // The training split, in the same format, with the sizes results.json reports.
    const train = JSON.parse(readFileSync(join(out, 'trainset', 'manifest.json'), 'utf8'));
    expect(train.format).toBe('pfp-trainset/1');
    expect(train.count).toBe(parsed.results.dataset.trainSizes.reduce((a, b) => a + b, 0));
    expect(test.count).toBe(parsed.results.dataset.testSizes.reduce((a, b) => a + b, 0));
    const int32s = (f: string) => {
      const b = readFileSync(join(out, 'trainset', f));
      return new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4);
    };
    expect(readFileSync(join(out, 'trainset', 'images.f32')).byteLength).toBe(4 * train.count * 64);
    const labels = int32s('labels.i32');
    const groups = int32s('groups.i32');
    expect(labels).toHaveLength(train.count);
    expect(groups).toHaveLength(train.count);
    parsed.results.dataset.trainSizes.forEach((size, a) => expect(groups.filter((g) => g === a)).toHaveLength(size));

    // λ(H_a)'s samples for the dense model (hessian.when = 'dense'): rows of the group, as many as results.json says.
    const dense = parsed.results.runs.find((run) => run.rate === 0)!;
    const denseManifest = JSON.parse(readFileSync(join(out, 'models', 'seed1-none-rate000.json'), 'utf8'));
    expect(manifest.hessianSamplesFile).toBeNull(); // the 50% model: λ not computed
    expect(existsSync(join(out, 'models', 'seed1-none-rate500.hessian-samples.json'))).toBe(false);
    const samples = JSON.parse(readFileSync(join(out, 'models', denseManifest.hessianSamplesFile), 'utf8'));
    expect(samples).toMatchObject({ format: 'pfp-hessian-samples/1', split: 'train' });
    expect(samples.groups).toHaveLength(dense.groups.length);
    dense.groups.forEach((g, a) => {
      const rows: number[] = samples.groups[a];
      expect(rows).toHaveLength(g.hessianMax!.samples);
      expect(new Set(rows).size).toBe(rows.length);
      for (const i of rows) expect(groups[i]).toBe(a);
    });
    const overall: number[] = samples.overall;
    expect(overall).toHaveLength(dense.overall.hessianMax!.samples);
    expect(overall.every((i) => Number.isInteger(i) && i >= 0 && i < train.count)).toBe(true);
  });
});
