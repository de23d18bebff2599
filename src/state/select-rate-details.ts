import { sameRate } from '../engine/contract/config';
import { meanOrNull, meanStd } from '../engine/contract/mean-std';
import { pieSummary, type PieSummary } from '../engine/contract/pies';
import type { Results } from '../engine/contract/results';
import { denseRunOf, theorem1Terms, type Theorem1Terms } from '../engine/contract/theorem1-terms';
import { groupsOf, parseVariantKey, runsOf, type VariantKey } from './select-runs';

// What the page shows about one selected rate beyond the charts: Theorem 1 term by term and the PIEs per group.

export interface Theorem1Row {
  group: number;
  name: string;
  /** Means over seeds; null where λ(H_a) of the dense model was not computed. */
  distance: number | null;
  gradientTerm: number | null;
  curvatureTerm: number | null;
  bound: number | null;
  measured: number | null;
}

/** Theorem 1's two terms per group at a measured rate of a sweep, averaged over seeds; [] when there are none. */
export function theorem1Rows(results: Results | null, key: VariantKey, rate: number): Theorem1Row[] {
  if (!results || rate === 0) return [];
  const runs = runsOf(results, key).filter((r) => sameRate(r.rate, rate));
  const terms = runs.map((r) => theorem1Terms(r, denseRunOf(results.runs, r)));
  if (terms.every((t) => t.length === 0)) return [];
  return groupsOf(results).map(({ group, name }) => {
    const of = (f: (t: Theorem1Terms) => number) => meanOrNull(meanStd(terms.map((ts) => ts.find((t) => t.group === group)).map((t) => (t ? f(t) : null))));
    return { group, name, distance: of((t) => t.distance), gradientTerm: of((t) => t.gradientTerm), curvatureTerm: of((t) => t.curvatureTerm), bound: of((t) => t.bound), measured: of((t) => t.measured) };
  });
}

/** The PIEs of a sweep at a measured rate; null at rate 0 or where it was not measured. */
export function pieView(results: Results | null, key: VariantKey, rate: number): PieSummary | null {
  if (!results || rate === 0) return null;
  const { mode, version } = parseVariantKey(key);
  return pieSummary(results, mode, rate, version);
}
