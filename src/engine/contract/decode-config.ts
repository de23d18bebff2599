import { z } from 'zod';
import { configSchema, type Config } from './config';
import { echo, echoKey } from './echo';

export interface DecodedConfig {
  config: Config;
  /** One line per value that was clamped or dropped; empty when the input was valid. */
  notices: string[];
  /** The input could not be repaired (or was not an object): `config` is the defaults, not the input's. */
  fellBack: boolean;
}

type Path = ReadonlyArray<PropertyKey>;

const pathText = (path: Path) => (path.length ? echoKey(path.map(String).join('.')) : '(root)');

function getParent(root: unknown, path: Path): Record<PropertyKey, unknown> | null {
  let node: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<PropertyKey, unknown>)[key as string];
  }
  return node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>) : null;
}

/**
 * Repairs one issue in place: numbers out of range are clamped to the bound, unknown keys and values of the wrong
 * kind are dropped (the default takes their place), over-long arrays are cut. Returns the notice, or null if the
 * issue could not be repaired here.
 */
function repair(root: unknown, issue: z.core.$ZodIssue): string | null {
  const parent = getParent(root, issue.path);
  if (issue.code === 'unrecognized_keys') {
    const target = issue.path.length ? (getParent(root, [...issue.path, '']) as Record<string, unknown> | null) : (root as Record<string, unknown>);
    if (!target) return null;
    for (const k of issue.keys) delete target[k];
    return `ignored unknown setting${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => pathText([...issue.path, k])).join(', ')}`;
  }
  if (!parent || issue.path.length === 0) return null;
  const key = issue.path[issue.path.length - 1] as string;
  const value = parent[key];
  if ((issue.code === 'too_small' || issue.code === 'too_big') && typeof value === 'number' && issue.origin === 'number') {
    const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
    parent[key] = bound;
    return `${pathText(issue.path)}: ${echo(value)} is out of range, clamped to ${bound}`;
  }
  if (issue.code === 'too_big' && Array.isArray(value) && issue.origin === 'array') {
    parent[key] = value.slice(0, Number(issue.maximum));
    return `${pathText(issue.path)}: ${value.length} entries, more than the ${Number(issue.maximum)} allowed: kept the first ${Number(issue.maximum)}`;
  }
  if (issue.code === 'invalid_type' && issue.expected === 'int' && typeof value === 'number' && Number.isFinite(value)) {
    parent[key] = Math.round(value);
    return `${pathText(issue.path)}: ${echo(value)} rounded to ${Math.round(value)}`;
  }
  if (Array.isArray(parent)) {
    parent.splice(Number(key), 1);
    return `${pathText(issue.path)}: invalid entry ${echo(value)} dropped`;
  }
  delete parent[key];
  return `${pathText(issue.path)}: invalid value ${echo(value)} replaced by the default`;
}

/**
 * Decodes untrusted input (a share link, an imported file) into the closest valid Config. Never throws: what it
 * cannot use it clamps or drops, and reports in notices.
 */
export function decodeConfig(input: unknown): DecodedConfig {
  const notices: string[] = [];
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    if (input !== undefined) notices.push('the configuration was not an object; using the defaults');
    return { config: configSchema.parse({}), notices, fellBack: input !== undefined };
  }
  const work = structuredClone(input) as Record<string, unknown>;
  for (let attempt = 0; attempt < 50; attempt++) {
    const result = configSchema.safeParse(work);
    if (result.success) return { config: result.data, notices, fellBack: false };
    let repaired = false;
    for (const issue of result.error.issues) {
      const note = repair(work, issue);
      if (note) {
        notices.push(note);
        repaired = true;
        break; // re-validate: one repair can change the paths of the others
      }
    }
    if (!repaired) break;
  }
  notices.push('the configuration could not be repaired; using the defaults');
  return { config: configSchema.parse({}), notices, fellBack: true };
}

/** Strict parsing for files the user wrote (the CLI): the first problem as one clear line. */
export function parseConfigStrict(input: unknown): { ok: true; config: Config } | { ok: false; error: string } {
  const result = configSchema.safeParse(input);
  if (result.success) return { ok: true, config: result.data };
  const issue = result.error.issues[0];
  return { ok: false, error: `${pathText(issue.path)}: ${issue.message}` };
}
