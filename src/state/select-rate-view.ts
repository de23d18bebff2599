import { groupMetricTable, type GroupMetricId } from '../engine/contract/group-metrics';
import { meanOrNull, meanStd } from '../engine/contract/mean-std';
import type { Results, RunResult } from '../engine/contract/results';
import { sameRate } from '../engine/contract/config';
import { provisionalAllowed, provisionalAt, type ProvisionalPoint } from './rate-rules';
import { groupsOf, runsOf, type VariantKey } from './select-runs';

export interface RateViewRow {
  group: number;
  name: string;
  accuracy: number | null;
  accuracyChange: number | null;
  excessLoss: number | null;
  theorem1Bound: number | null;
  gradNorm: number | null;
}

export interface RateView {
  rate: number;
  /** measured: a swept rate; provisional: a quick prune without fine-tuning; pending: nothing yet at this rate. */
  source: 'measured' | 'provisional' | 'pending';
  rows: RateViewRow[];
  overallAccuracy: number | null;
  fairnessViolation: number | null;
}

function view(results: Results, rate: number, source: RateView['source'], runs: RunResult[]): RateView {
  const mean = (metric: GroupMetricId, a: number) =>
    meanOrNull(meanStd(runs.map((r) => {
      const g = r.groups.find((x) => x.group === a);
      return g ? groupMetricTable[metric].value(g) : null;
    })));
  const rows = groupsOf(results).map(({ group, name }) => ({
    group,
    name,
    accuracy: mean('accuracy', group),
    accuracyChange: mean('accuracyChange', group),
    excessLoss: mean('excessLoss', group),
    theorem1Bound: mean('theorem1Bound', group),
    gradNorm: mean('gradNorm', group),
  }));
  return {
    rate,
    source,
    rows,
    overallAccuracy: meanOrNull(meanStd(runs.map((r) => r.overall.accuracy))),
    fairnessViolation: meanOrNull(meanStd(runs.map((r) => r.fairnessViolation))),
  };
}

/** What the "selected rate" panel shows: the measured runs at that rate, else the provisional points, else pending. */
export function rateView(results: Results | null, mode: VariantKey, rate: number, provisional: ProvisionalPoint[]): RateView | null {
  if (!results) return null;
  const measured = runsOf(results, mode).filter((r) => sameRate(r.rate, rate));
  if (measured.length) return view(results, rate, 'measured', measured);
  const quick = provisionalAt(provisional, rate);
  if (quick && provisionalAllowed(mode)) return view(results, rate, 'provisional', quick);
  return view(results, rate, 'pending', []);
}
