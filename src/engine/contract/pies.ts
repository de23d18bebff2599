import { sameRate, type MitigationMode } from './config';
import type { Results } from './results';

// Pruning identified exemplars (Hooker et al., "What do compressed deep neural networks forget?", 2019): the test
// images whose prediction pruning changes. Hooker et al. compare the modal label of a population of dense models
// with that of a population of pruned ones; here each seed's pruned model is compared with its own dense model and
// an image is a PIE when its prediction changed in more than half of the seeds (the modal outcome is "changed").
// Every seed shares one test split (it is drawn from config.seed), so an index is the same image in every run.

export interface Pie {
  /** Row of the test split. */
  index: number;
  group: number;
  label: number;
  /** The most frequent dense and pruned predictions over the seeds where it changed. */
  dense: number;
  pruned: number;
  /** Seeds in which the prediction changed, of `seeds`. */
  changedIn: number;
}

export interface PieSummary {
  seeds: number;
  /** PIEs per group, by test index. */
  groups: Pie[][];
  /** PIEs as a share of each group's test samples (NaN for an empty group). */
  share: number[];
}

const modal = (xs: number[]) => {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
};

/** The PIEs of one mode (and version) at one rate, per group; null when that point was not run. */
export function pieSummary(results: Results, mode: MitigationMode, rate: number, version: Results['runs'][number]['version'] = null): PieSummary | null {
  const runs = results.runs.filter((r) => r.mode === mode && sameRate(r.rate, rate) && (version === null || r.version === version));
  if (runs.length === 0) return null;
  const byIndex = new Map<number, Array<Results['runs'][number]['flips'][number]>>();
  for (const r of runs) for (const f of r.flips) byIndex.set(f.index, [...(byIndex.get(f.index) ?? []), f]);
  const numGroups = results.dataset.groupNames.length;
  const groups: Pie[][] = Array.from({ length: numGroups }, () => []);
  for (const [index, fs] of [...byIndex.entries()].sort((a, b) => a[0] - b[0])) {
    if (2 * fs.length <= runs.length) continue;
    const f = fs[0];
    groups[f.group]?.push({ index, group: f.group, label: f.label, dense: modal(fs.map((x) => x.dense)), pruned: modal(fs.map((x) => x.pruned)), changedIn: fs.length });
  }
  const share = groups.map((g, a) => (results.dataset.testSizes[a] ? g.length / results.dataset.testSizes[a] : NaN));
  return { seeds: runs.length, groups, share };
}
