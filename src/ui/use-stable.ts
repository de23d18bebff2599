import equal from 'fast-deep-equal';
import { useState } from 'react';

/**
 * `value`, or the value this hook returned before when the two are equal in content. Every partial Results of a run
 * is a new object, and so is everything derived from it; a chart whose own data did not change (λ(H_a) measured on
 * the dense model only, a scatter of the dense models) then keeps its props' identity, and React skips redrawing it:
 * a recharts chart's redraw re-runs its store's selectors, tens of ms of the page's thread each (issue 11).
 */
export function useStable<T>(value: T): T {
  const [kept, setKept] = useState(value);
  if (kept === value || equal(kept, value)) return kept;
  // React's way to keep what a previous render saw: this render goes on with the new value, the next keeps it.
  setKept(value);
  return value;
}
