import { meanOrNull, meanStd, sdBand } from '../engine/contract/mean-std';
import type { Results, TrainingCurve, TrainingPhase } from '../engine/contract/results';
import { seriesKey, bandKey, type SeriesRow } from './select-group-series';
import type { ResultsSource } from './results-slice';

/** The curves to draw: the live ones while a run streams (they lead the partial Results), else the Results' own. */
export function trainingCurves(results: Results | null, live: TrainingCurve[], source: ResultsSource | null): TrainingCurve[] {
  if (source === 'run' && live.length) return live;
  return results?.training ?? [];
}

export const trainingPhases = (curves: TrainingCurve[]) => [...new Set(curves.map((c) => c.phase))];

/** Per-epoch rows of each group's training accuracy (or loss) for one phase, mean and band over seeds. */
export function trainingRows(curves: TrainingCurve[], phase: TrainingPhase, metric: 'accuracy' | 'loss', numGroups: number): Array<SeriesRow & { epoch: number }> {
  const ofPhase = curves.filter((c) => c.phase === phase);
  const epochs = [...new Set(ofPhase.flatMap((c) => c.epochs.map((e) => e.epoch)))].sort((a, b) => a - b);
  return epochs.map((epoch) => {
    const row: SeriesRow & { epoch: number } = { epoch, rate: epoch };
    const records = ofPhase.map((c) => c.epochs.find((e) => e.epoch === epoch)).filter((e) => e !== undefined);
    for (let a = 0; a < numGroups; a++) {
      const s = meanStd(records.map((r) => r.groups[a]?.[metric]));
      row[seriesKey(a)] = meanOrNull(s);
      row[bandKey(a)] = sdBand(s);
    }
    return row;
  });
}
