// Dotted paths into nested plain objects: read, write, list the leaves, compare. Arrays count as leaves. Used by
// the config controls, the staleness check, the presets and the share-link codec.

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
