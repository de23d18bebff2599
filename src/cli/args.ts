import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { backendNames, configSchema, mitigationModes, mitigationVersions, type Config } from '../engine/contract/config';
import { parseConfigStrict } from '../engine/contract/decode-config';
import { presets } from '../engine/contract/presets';
import { readGrid, type NamedConfig } from './grid';
import { presetInput } from './preset-input';

/** A problem with the command line or the config file: printed as one line, exit code 2. */
export class UsageError extends Error {}

export interface ExperimentArgs {
  config: Config;
  out: string;
  saveModels: boolean;
  quiet: boolean;
  /** --shard i/n: run shard i (0-based) of n of the sweep; null runs all of it. */
  shard: ShardArg | null;
  /** --jobs N: parallel worker threads; null when not given (the CLI then uses the core count). */
  jobs: number | null;
  /** --grid grid.json: the named configs it expands to (`config` is then the first); null for one config. */
  grid: NamedConfig[] | null;
  /** --browser: run in headless Chromium (the app's engine worker: WebGPU, WebGL or threaded wasm) instead of Node. */
  browser: boolean;
  /** --gpu (with --browser): tell Chromium to use the machine's GPU. */
  gpu: boolean;
}

export interface ShardArg {
  index: number;
  count: number;
}

/** "i/n" with 0 ≤ i < n ≤ 10000; i is 0-based, as Kubernetes' JOB_COMPLETION_INDEX and a 0-based Slurm array. */
export function parseShard(text: string): ShardArg {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const [index, count] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!m || count < 1 || count > 10000 || index >= count) throw new UsageError(`--shard: expected i/n with 0 <= i < n <= 10000 (e.g. 0/4), got "${text}"`);
  return { index, count };
}

export const usage = `usage: npm run experiment -- (--preset <id> | --config <file.json> | --grid <grid.json>) --out <dir>
       [--seeds N] [--rates 0.3,0.5,0.7,0.9] [--hessian off|dense|all] [--modes none,before,after,both]
       [--mitigation relaxed|full|ceag|relaxed,full,ceag] [--backend wasm|cpu] [--save-models] [--quiet]
       [--shard i/n] [--jobs N] [--data-dir DIR (UTKFace, CIFAR-10, SVHN or an image folder)]
       [--browser [--gpu] [--backend auto|webgpu|webgl|wasm|cpu]] (run in headless Chromium: WebGPU from the terminal)
presets: ${presets.map((p) => p.id).join(', ')}`;

function list(flag: string, text: string): string[] {
  const items = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (!items.length) throw new UsageError(`--${flag}: expected a comma-separated list, got "${text}"`);
  return items;
}

/** Parses argv into a validated Config; every problem is a UsageError naming it. */
export async function parseExperimentArgs(argv: string[]): Promise<ExperimentArgs> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        preset: { type: 'string' }, config: { type: 'string' }, out: { type: 'string' }, seeds: { type: 'string' },
        rates: { type: 'string' }, hessian: { type: 'string' }, modes: { type: 'string' }, mitigation: { type: 'string' },
        backend: { type: 'string' }, grid: { type: 'string' }, 'data-dir': { type: 'string' }, shard: { type: 'string' }, jobs: { type: 'string' }, 'save-models': { type: 'boolean' }, quiet: { type: 'boolean' }, help: { type: 'boolean' },
        browser: { type: 'boolean' }, gpu: { type: 'boolean' },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0]);
  }
  if (values.help) throw new UsageError(usage);
  if ([values.preset, values.config, values.grid].filter(Boolean).length !== 1) throw new UsageError('give exactly one of --preset <id>, --config <file.json> or --grid <grid.json>');
  if (typeof values.out !== 'string') throw new UsageError('--out <dir> is required');

  const flagChecks: Array<[boolean, string]> = [
    [typeof values.modes === 'string' && !list('modes', values.modes).every((m) => (mitigationModes as readonly string[]).includes(m)), `--modes: each must be one of ${mitigationModes.join(', ')}`],
    [typeof values.backend === 'string' && !(backendNames as readonly string[]).includes(values.backend), `--backend: must be one of ${backendNames.join(', ')}`],
  ];
  // A browser run is the app's run: one engine in one page, data the page can fetch, nothing written beside results.
  const browserOnly: Array<[unknown, string]> = [
    [values.jobs, '--jobs'], [values.shard, '--shard'], [values['save-models'], '--save-models'], [values['data-dir'], '--data-dir'],
  ];
  if (values.browser) flagChecks.push(...browserOnly.filter(([v]) => v !== undefined && v !== false).map(([, f]): [boolean, string] => [true, `${f} cannot be used with --browser (a browser run is one engine in one page)`]));
  else if (values.gpu) flagChecks.push([true, '--gpu only applies to --browser runs']);
  else if (values.backend === 'webgl' || values.backend === 'webgpu') flagChecks.push([true, `--backend ${values.backend} needs a browser: add --browser (Node runs wasm or cpu)`]);
  for (const [bad, message] of flagChecks) if (bad) throw new UsageError(message);

  // The command line's settings over the config (or over every config of a grid).
  const applyFlags = (raw: Record<string, unknown>) => {
    const section = (k: string) => ((raw[k] ??= {}) as Record<string, unknown>);
    if (typeof values.seeds === 'string') raw.seeds = Number(values.seeds);
    if (typeof values.rates === 'string') section('prune').rates = list('rates', values.rates).map(Number).filter((r) => r > 0);
    if (typeof values.hessian === 'string') section('hessian').when = values.hessian;
    if (typeof values.modes === 'string') section('mitigation').modes = list('modes', values.modes);
    if (typeof values.mitigation === 'string') {
      // Several versions: every mitigated mode runs once with each of relaxed, full and ceag (Table 1 and ceag beside it).
      const versions = [...new Set(list('mitigation', values.mitigation))];
      if (!versions.every((v) => (mitigationVersions as readonly string[]).includes(v))) throw new UsageError(`--mitigation: each must be one of ${mitigationVersions.join(', ')}`);
      if (versions.length > 1) section('mitigation').compareVersions = true;
      else Object.assign(section('mitigation'), { version: versions[0], compareVersions: false });
    }
    if (typeof values.backend === 'string') raw.backend = values.backend;
    if (typeof values['data-dir'] === 'string') {
      const data = section('data');
      if (data.kind !== 'images') throw new UsageError(`--data-dir: the config's data is ${String(data.kind ?? 'synthetic')}, not user images (data.kind "images")`);
      data.dataDir = values['data-dir'];
    }
  };

  const jobs = typeof values.jobs === 'string' ? Number(values.jobs) : null;
  if (jobs !== null && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 256)) throw new UsageError(`--jobs: expected a whole number from 1 to 256, got "${String(values.jobs)}"`);
  const shard = typeof values.shard === 'string' ? parseShard(values.shard) : null;
  const rest = { out: values.out, saveModels: Boolean(values['save-models']), quiet: Boolean(values.quiet), shard, jobs, browser: Boolean(values.browser), gpu: Boolean(values.gpu) };

  if (typeof values.grid === 'string') {
    let grid: NamedConfig[];
    try {
      grid = await readGrid(values.grid, applyFlags);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    for (const g of grid) checkBrowserData(g.config, rest.browser);
    return { ...rest, config: grid[0].config, grid };
  }
  let raw: Record<string, unknown>;
  if (typeof values.preset === 'string') {
    const preset = presetInput(values.preset);
    if ('error' in preset) throw new UsageError(preset.error);
    raw = preset.raw;
  } else {
    const file = values.config as string;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new UsageError(`cannot read config file ${file}`);
    }
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw new UsageError(`config file ${file} is not valid JSON: ${(e as Error).message}`);
    }
    const checked = parseConfigStrict(raw);
    if (!checked.ok) throw new UsageError(`invalid config file ${file}: ${checked.error}`);
  }

  applyFlags(raw);
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`invalid setting ${issue.path.map(String).join('.')}: ${issue.message}`);
  }
  checkBrowserData(parsed.data, rest.browser);
  return { ...rest, config: parsed.data, grid: null };
}

/** User images live on disk for the CLI and in a browser profile for the page: a --browser run has neither. */
function checkBrowserData(config: Config, browser: boolean): void {
  if (browser && config.data.kind === 'images') throw new UsageError('--browser runs the shipped data (synthetic, MNIST, Fashion-MNIST); user images (data.kind "images") run in Node with --data-dir');
}
