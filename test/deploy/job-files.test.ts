import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseExperimentArgs } from '../../src/cli/args';

// The cluster files call the CLI; these tests run their command lines through the CLI's own parser, so a renamed
// flag or a shard count out of step with the Job's size fails here, not on a cluster.

/** Splits a command line as sh would for these files: words, and "quoted strings" as one word. */
const words = (line: string) => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
/** Replaces $VAR and ${VAR} as the shell would. */
const expand = (line: string, env: Record<string, string>) => line.replace(/\$\{?(\w+)\}?/g, (_, k: string) => env[k] ?? `<unset ${k}>`);

/** The npm script a command runs and its arguments after `--`. */
function npmCommand(line: string): { script: string; args: string[] } {
  const w = words(line);
  const run = w.indexOf('run');
  expect(w.slice(0, run + 1)).toEqual(w[0] === 'exec' ? ['exec', 'npm', 'run'] : ['npm', 'run']);
  const rest = w.slice(run + 1).filter((x) => x !== '--silent');
  expect(rest[1]).toBe('--');
  return { script: rest[0], args: rest.slice(2) };
}

const read = (file: string) => readFileSync(file, 'utf8');
const outDir = (args: string[]) => args[args.indexOf('--out') + 1];

describe('Kubernetes Indexed Job', () => {
  const job = parse(read('deploy/k8s/shards-job.yaml'));
  const merge = parse(read('deploy/k8s/merge-job.yaml'));
  const container = job.spec.template.spec.containers[0];
  const shards = Number(container.env.find((e: { name: string }) => e.name === 'SHARDS').value);

  it('is indexed, one pod per shard, SHARDS equal to completions', () => {
    expect(job.spec.completionMode).toBe('Indexed');
    expect(job.spec.completions).toBe(shards);
    expect(job.spec.parallelism).toBeLessThanOrEqual(shards);
    expect(container.command).toEqual(['sh', '-c']);
  });

  it.each([0, 7])('pod %i runs shard %i/n through the CLI parser, into its own folder on the volume', async (k) => {
    const { script, args } = npmCommand(expand(container.args[0], { JOB_COMPLETION_INDEX: String(k), SHARDS: String(shards) }));
    expect(script).toBe('experiment');
    const parsed = await parseExperimentArgs(args);
    expect(parsed.shard).toEqual({ index: k, count: shards });
    expect(parsed.jobs).toBe(1);
    expect(parsed.out).toBe(`/results/mitigation-modes/shard-${k}`);
    expect(container.volumeMounts[0].mountPath).toBe('/results');
  });

  it('merges every shard folder the Job writes', () => {
    const { script, args } = npmCommand(merge.spec.template.spec.containers[0].args[0]);
    expect(script).toBe('merge');
    expect(args).toEqual(['/results/mitigation-modes/shard-*/results.json', '--out', '/results/mitigation-modes']);
  });
});

describe('Slurm job array', () => {
  const sbatch = read('deploy/slurm/shards.sbatch');
  const array = /#SBATCH --array=0-(\d+)/.exec(sbatch);
  const shards = Number(/^SHARDS=(\d+)$/m.exec(sbatch)?.[1]);
  const command = sbatch.slice(sbatch.indexOf('npm run')).replace(/\\\n/g, ' ');

  it('has one task per shard, indices 0 to SHARDS-1', () => {
    expect(Number(array?.[1]) + 1).toBe(shards);
  });

  it.each([0, 7])('task %i runs shard %i/n through the CLI parser', async (k) => {
    const { script, args } = npmCommand(expand(command, { SLURM_ARRAY_TASK_ID: String(k), SHARDS: String(shards) }));
    expect(script).toBe('experiment');
    const parsed = await parseExperimentArgs(args);
    expect(parsed.shard).toEqual({ index: k, count: shards });
    expect(outDir(args)).toBe(`out/mitigation-modes/shard-${k}`);
  });

  it('merges after every task succeeded, from the folders the tasks write', () => {
    const { script, args } = npmCommand(read('deploy/slurm/merge.sbatch').split('\n').find((l) => l.startsWith('npm run')) as string);
    expect(script).toBe('merge');
    expect(args).toEqual(['out/mitigation-modes/shard-*/results.json', '--out', 'out/mitigation-modes']);
    expect(read('deploy/slurm/submit.sh')).toMatch(/sbatch --dependency="afterok:\$\{array\}" deploy\/slurm\/merge\.sbatch/);
  });
});

describe('container image', () => {
  it('is Node 20 with the project installed and Debian Chromium for --browser runs', () => {
    const docker = read('Dockerfile');
    expect(docker).toMatch(/^FROM node:20/m);
    expect(docker).toMatch(/apt-get install[^\n]*chromium/);
    expect(docker).toMatch(/RUN npm ci/);
    expect(docker).toMatch(/ENTRYPOINT \["npm", "run", "--silent"\]/);
  });
});
