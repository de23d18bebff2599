import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { backendNames, configSchema, mitigationModes, mitigationVersions, type Config } from '../engine/contract/config';
import { parseConfigStrict } from '../engine/contract/decode-config';
import { findPreset, presets } from '../engine/contract/presets';

/** A problem with the command line or the config file: printed as one line, exit code 2. */
export class UsageError extends Error {}

export interface ExperimentArgs {
  config: Config;
  out: string;
  saveModels: boolean;
  quiet: boolean;
}

export const usage = `usage: npm run experiment -- (--preset <id> | --config <file.json>) --out <dir>
       [--seeds N] [--rates 0.3,0.5,0.7,0.9] [--hessian off|dense|all] [--modes none,before,after,both]
       [--mitigation relaxed|full|ceag|relaxed,full,ceag] [--backend wasm|cpu] [--save-models] [--quiet]
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
        backend: { type: 'string' }, 'save-models': { type: 'boolean' }, quiet: { type: 'boolean' }, help: { type: 'boolean' },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0]);
  }
  if (values.help) throw new UsageError(usage);
  if (!values.preset === !values.config) throw new UsageError('give exactly one of --preset <id> or --config <file.json>');
  if (typeof values.out !== 'string') throw new UsageError('--out <dir> is required');

  let raw: Record<string, unknown>;
  if (typeof values.preset === 'string') {
    const p = findPreset(values.preset);
    if (!p) throw new UsageError(`unknown preset "${values.preset}" (known: ${presets.map((q) => q.id).join(', ')})`);
    raw = structuredClone(p.config) as Record<string, unknown>;
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

  const flagChecks: Array<[boolean, string]> = [
    [typeof values.modes === 'string' && !list('modes', values.modes).every((m) => (mitigationModes as readonly string[]).includes(m)), `--modes: each must be one of ${mitigationModes.join(', ')}`],
    [typeof values.backend === 'string' && !(backendNames as readonly string[]).includes(values.backend), `--backend: must be one of ${backendNames.join(', ')}`],
  ];
  for (const [bad, message] of flagChecks) if (bad) throw new UsageError(message);

  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`invalid setting ${issue.path.map(String).join('.')}: ${issue.message}`);
  }
  return { config: parsed.data, out: values.out, saveModels: Boolean(values['save-models']), quiet: Boolean(values.quiet) };
}
