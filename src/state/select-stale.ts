import type { Config } from '../engine/contract/config';
import type { Results } from '../engine/contract/results';
import { deepEqual } from '../engine/contract/object-path';

/**
 * Results are stale when the config now differs from the one that produced them in anything that changes the
 * numbers. The backend is left out: it changes speed, not the experiment.
 */
export function isStale(config: Config, results: Results | null): boolean {
  if (!results) return false;
  const strip = (c: Config) => ({ ...c, backend: undefined });
  return !deepEqual(strip(config), strip(results.config));
}
