import type { Results } from '../engine/contract/results';
import { sameRate } from '../engine/contract/config';
import { provisionalAllowed, type ProvisionalPoint } from './rate-rules';
import { rateView, type RateView } from './select-rate-view';
import { effectiveMode, measuredRates, type VariantKey } from './select-runs';

// One derivation of the selected rate's context, read by the slider, the charts, the table and the controller
// instead of each re-deriving the mode and its measured rates.

/** What the slider, the charts and the controller need to know about the selected rate. */
export interface RateContext {
  /** The sweep the per-group charts show (the one asked for if present). */
  mode: VariantKey;
  /** Its measured rates, ascending. */
  measured: number[];
  isMeasured: boolean;
  /** Whether this sweep takes provisional points. */
  provisional: boolean;
  /** What the selected-rate panel shows; null without results. */
  view: RateView | null;
}

export interface RateInputs {
  results: Results | null;
  viewMode: VariantKey;
  selectedRate: number;
  provisional: ProvisionalPoint[];
}

/**
 * The sweep the slider and the per-group charts show: the one asked for if present, else the first present. A plain
 * key, so a view that needs only the sweep subscribes to it alone and does not redraw as the slider moves.
 */
export const shownSweep = (s: Pick<RateInputs, 'results' | 'viewMode'>): VariantKey => effectiveMode(s.results, s.viewMode);

export function rateContext(s: RateInputs): RateContext {
  const mode = shownSweep(s);
  const measured = measuredRates(s.results, mode);
  return {
    mode,
    measured,
    isMeasured: measured.some((r) => sameRate(r, s.selectedRate)),
    provisional: provisionalAllowed(mode),
    view: rateView(s.results, mode, s.selectedRate, s.provisional),
  };
}
