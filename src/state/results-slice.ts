import type { StateCreator } from 'zustand/vanilla';
import type { EpochRecord, Results, RunResult, TrainingCurve, TrainingPhase } from '../engine/contract/results';
import { landingRate, withProvisional, type ProvisionalPoint } from './rate-rules';
import type { AppState } from './store';

export type ResultsSource = 'run' | 'import' | 'link';

export interface ResultsSlice {
  /** What the charts draw: the partial Results of a streaming run, the final ones, or an imported file. */
  results: Results | null;
  /** Where the Results came from: a run in this tab, an imported file, or the snapshot a link carried. */
  source: ResultsSource | null;
  /** Training curves of the running sweep, grown epoch by epoch (partial Results only come after the first point). */
  liveTraining: TrainingCurve[];
  /** Quick prune-and-evaluate points (no fine-tuning), one per unmeasured rate asked for. */
  provisional: ProvisionalPoint[];
  /** A complete run in this tab whose dense models the worker still holds. */
  canQuickEvaluate: boolean;
  resultsReset: () => void;
  resultsStreamed: (results: Results) => void;
  epochReceived: (seed: number, phase: TrainingPhase, record: EpochRecord) => void;
  resultsFinal: (results: Results) => void;
  /** Results that arrive whole (a file, a link): shown at a measured pruned rate (landingRate). */
  resultsImported: (results: Results, source?: Exclude<ResultsSource, 'run'>) => void;
  provisionalReceived: (rate: number, runs: RunResult[]) => void;
  /** The worker that held the dense models was restarted: no more provisional points until the next run. */
  quickEvaluateLost: () => void;
}

export const createResultsSlice: StateCreator<AppState, [], [], ResultsSlice> = (set, get) => ({
  results: null,
  source: null,
  liveTraining: [],
  provisional: [],
  canQuickEvaluate: false,
  resultsReset: () => set({ results: null, source: 'run', liveTraining: [], provisional: [], canQuickEvaluate: false }),
  resultsStreamed: (results) => set({ results, source: 'run' }),
  epochReceived: (seed, phase, record) => {
    const curves = get().liveTraining;
    const i = curves.findIndex((c) => c.seed === seed && c.phase === phase);
    const next = i < 0 ? [...curves, { seed, phase, epochs: [record] }] : curves.map((c, j) => (j === i ? { ...c, epochs: [...c.epochs, record] } : c));
    set({ liveTraining: next });
  },
  // Final Results end the run: its outcome is read from them (run-slice's runStatus), not copied into the run slice.
  resultsFinal: (results) => set({ results, source: 'run', canQuickEvaluate: results.status === 'complete', run: { ...get().run, status: 'finished', phase: 'done' } }),
  resultsImported: (results, source = 'import') =>
    set({
      results,
      source,
      liveTraining: [],
      provisional: [],
      canQuickEvaluate: false,
      selectedRate: landingRate([...new Set(results.runs.map((r) => r.rate))], get().selectedRate),
    }),
  provisionalReceived: (rate, runs) => set({ provisional: withProvisional(get().provisional, { rate, runs }) }),
  quickEvaluateLost: () => set({ canQuickEvaluate: false }),
});
