// Flat `path=value` pairs <-> nested plain objects, for the share link. Arrays are leaves written comma-separated;
// the type a text is read as comes from a template (the default config), so "0.3,0.5" becomes [0.3, 0.5] and
// "true" a boolean only where the config has one.

export type Leaf = number | string | boolean | Array<number | string>;

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Leaf paths of a nested object, in key order (arrays count as leaves). */
export function flatten(obj: Record<string, unknown>, prefix = ''): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const [k, v] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (isPlainObject(v)) out.push(...flatten(v, path));
    else out.push([path, v]);
  }
  return out;
}

export function getPath(obj: unknown, path: string): unknown {
  let node = obj;
  for (const k of path.split('.')) {
    if (!isPlainObject(node)) return undefined;
    node = node[k];
  }
  return node;
}

const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

/** Sets a value at a dotted path, creating objects on the way. False when the path is unusable. */
export function setPath(obj: Record<string, unknown>, path: string, value: unknown): boolean {
  const keys = path.split('.');
  if (keys.some((k) => k === '' || FORBIDDEN.has(k))) return false;
  let node: Record<string, unknown> = obj;
  for (const k of keys.slice(0, -1)) {
    if (node[k] === undefined) node[k] = {};
    const next = node[k];
    if (!isPlainObject(next)) return false;
    node = next;
  }
  node[keys[keys.length - 1]] = value;
  return true;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** Shortest text that reads back to the same value. */
export function formatLeaf(v: unknown): string {
  if (Array.isArray(v)) return v.map((x) => formatLeaf(x)).join(',');
  return String(v);
}

const numeric = (t: string) => t.trim() !== '' && Number.isFinite(Number(t));
const scalar = (t: string): number | string => (numeric(t) ? Number(t) : t);

/**
 * Reads a text as the kind of value the template holds there. Texts that do not fit stay strings, so the config
 * decoder reports them instead of this function guessing.
 */
export function parseLeaf(text: string, template: unknown): Leaf {
  if (Array.isArray(template)) return text === '' ? [] : text.split(',').map(scalar);
  if (typeof template === 'number') return numeric(text) ? Number(text) : text;
  if (typeof template === 'boolean') {
    if (text === 'true' || text === '1') return true;
    if (text === 'false' || text === '0') return false;
    return text;
  }
  if (typeof template === 'string') return text;
  // No template (an optional or unknown setting): guess from the text.
  if (text.includes(',')) return text.split(',').map(scalar);
  if (text === 'true' || text === 'false') return text === 'true';
  return scalar(text);
}
