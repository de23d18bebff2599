/**
 * The path of the first place two JSON values differ ("prune.rates[2]: 0.7 vs 0.9"), or null when they are equal:
 * what a merge says when shards come from different configs.
 */
export function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  const here = path || '(root)';
  if (Object.is(a, b)) return null;
  const show = (v: unknown) => (v === undefined ? 'absent' : JSON.stringify(v));
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return `${here}: ${show(a)} vs ${show(b)}`;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const k of [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort()) {
    const d = firstDifference(ra[k], rb[k], path ? `${path}.${k}` : k);
    if (d) return d;
  }
  return null;
}
