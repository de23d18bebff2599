import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { configSchema, type Config } from '../engine/contract/config';
import { setPath } from '../engine/contract/object-path';
import { presetInput } from './preset-input';

// --grid grid.json: a small grid of settings (data sets × architectures × modes ...) expanded into named configs,
// each run (and sharded) like a single config, so a paper table is one submission. The file:
//   { "base": { "preset": "mitigation-modes" },            or { "config": { ...a config... } }
//     "axes": { "data.longTail": [1, 10],                    a dotted config path and its values
//               "model.kind": ["cnn", "mlp"],
//               "data": [{ "label": "mnist", "value": { "kind": "mnist" } }, ...] } }   labelled values
// Configs are named by their axis values in order ("longTail-10_kind-mlp"), and every one is checked by the
// config schema before anything runs.

const labelled = z.strictObject({ label: z.string().regex(/^[\w.-]+$/, 'labels are letters, digits, ".", "_" and "-"'), value: z.unknown() });

export const gridSchema = z.strictObject({
  base: z.union([z.strictObject({ preset: z.string() }), z.strictObject({ config: z.record(z.string(), z.unknown()) })]),
  axes: z.record(z.string(), z.array(z.unknown()).min(1).max(50)).refine((a) => Object.keys(a).length > 0, 'give at least one axis'),
});

export interface NamedConfig {
  name: string;
  config: Config;
}

/** The label of an axis value in config names: its own label, the value itself when short, else its position. */
function labelOf(value: unknown, index: number): { label: string; value: unknown } {
  const l = labelled.safeParse(value);
  if (l.success) return { label: l.data.label, value: l.data.value };
  const plain = typeof value === 'number' || typeof value === 'boolean' || (typeof value === 'string' && /^[\w.-]{1,24}$/.test(value));
  return { label: plain ? String(value) : String(index), value };
}

/** Every combination of the axes over the base, in order (the first axis slowest), named and validated. */
export function expandGrid(base: Record<string, unknown>, axes: Record<string, unknown[]>, apply: (raw: Record<string, unknown>) => void = () => {}): NamedConfig[] {
  let combos: Array<{ parts: string[]; raw: Record<string, unknown> }> = [{ parts: [], raw: structuredClone(base) }];
  for (const [path, values] of Object.entries(axes)) {
    const short = path.split('.').at(-1) as string;
    combos = combos.flatMap((c) =>
      values.map((v, i) => {
        const { label, value } = labelOf(v, i);
        const raw = structuredClone(c.raw);
        if (!setPath(raw, path, structuredClone(value))) throw new Error(`grid axis "${path}" is not a usable config path`);
        return { parts: [...c.parts, `${short}-${label}`], raw };
      }),
    );
  }
  return combos.map(({ parts, raw }) => {
    apply(raw);
    const name = parts.join('_');
    const parsed = configSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`grid config ${name}: invalid setting ${issue.path.map(String).join('.')}: ${issue.message}`);
    }
    return { name, config: parsed.data };
  });
}

/** Reads and expands a grid file; `apply` adds the command line's overrides (--seeds, --rates ...) to each config. */
export async function readGrid(file: string, apply: (raw: Record<string, unknown>) => void): Promise<NamedConfig[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read grid file ${file}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`, { cause: e });
  }
  const grid = gridSchema.safeParse(json);
  if (!grid.success) {
    const issue = grid.error.issues[0];
    throw new Error(`invalid grid file ${file}: ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  }
  const { base, axes } = grid.data;
  let raw: Record<string, unknown>;
  if ('preset' in base) {
    const preset = presetInput(base.preset);
    if ('error' in preset) throw new Error(`grid file ${file}: ${preset.error}`);
    raw = preset.raw;
  } else raw = base.config;
  const configs = expandGrid(raw, axes, apply);
  const names = new Set(configs.map((c) => c.name));
  if (names.size < configs.length) throw new Error(`grid file ${file}: two configs have the same name; label the axis values ({ "label": ..., "value": ... })`);
  return configs;
}
