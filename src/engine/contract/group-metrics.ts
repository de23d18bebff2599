import { num, pct, pp } from './number-format';
import type { GroupIntervals, GroupMetrics, HessianEstimate, Interval, RunResult } from './results';

// One row per per-group metric of a RunResult: what the paper calls it, where it is measured, how it is written.
// The CLI's tables, the CSV columns, the charts' titles and axes and the table in docs/formats.md all read this, so a
// new per-group metric is its computation, its schema field and one entry here.

/**
 * Every per-group number of a RunResult (`group` and `name` say which group it is; `intervals` holds the bootstrap
 * intervals of three of them, reached through each metric's `interval`).
 */
export type GroupMetricId = Exclude<keyof GroupMetrics, 'group' | 'name' | 'intervals'>;

export interface GroupMetricInfo {
  /** The field of GroupMetrics, the one id of the metric everywhere (selectors, charts, CSV, docs). */
  id: GroupMetricId;
  /** The paper's symbol (Section 2-5); '' where the paper has none. */
  symbol: string;
  /** The paper's name for it, in lower case except proper names. */
  name: string;
  /** '%' and 'pp': a fraction shown as a percentage (points); 'nats': a natural-log loss; '' when it has none. */
  unit: string;
  /** The split it is measured on: the theory's quantities on the training data, as in the paper. */
  split: 'train' | 'test';
  /** One line on what it is. */
  description: string;
  /** One value as the page writes it: axis ticks, tooltips, table cells. */
  format: (v: number) => string;
  /** Whether `npm run experiment` prints a per-group table of it. */
  cli: boolean;
  /** The same quantity over the whole data set, in RunResult.overall, when there is one (the CLI's overall column). */
  overall: keyof RunResult['overall'] | null;
  /** Its column in the CSV export: the id in snake_case, so there is one name to remember. */
  csvColumn: string;
  /** Its value in one group's metrics; null where it was not measured (λ(H_a) with the Hessian off). */
  value: (g: GroupMetrics) => number | null;
  /** Its value over the whole data set; null when it has no overall counterpart or it was not measured. */
  overallValue: (r: RunResult) => number | null;
  /**
   * Whether it is, or is computed from, λ(H_a), which may be on a subsample of the group (hessian.maxSamplesPerGroup):
   * the CLI, the CSV and the chart then say so (contract/hessian-sampling.ts).
   */
  usesHessian: boolean;
  /** CSV columns written right after its own: λ(H_a)'s sample count and spread over sample draws; [] for most. */
  detailColumns: Array<{ column: string; value: (g: GroupMetrics) => number | null }>;
  /** Its bootstrap interval over the test samples (config uncertainty) where one is computed; null otherwise. */
  interval: (g: GroupMetrics) => Interval | null;
}

type Entry = Omit<GroupMetricInfo, 'id' | 'csvColumn' | 'value' | 'overallValue' | 'overall' | 'usesHessian' | 'detailColumns' | 'interval'> &
  Partial<Pick<GroupMetricInfo, 'overall' | 'usesHessian' | 'detailColumns'>>;

const loss = (v: number) => num(v, 3);
const count = (v: number) => String(v);

/** In the schema's field order (a test holds them together): the CSV columns and the docs follow it. */
const entries: { [K in GroupMetricId]: Entry } = {
  testSize: {
    symbol: '', name: 'test size', unit: 'samples', split: 'test', format: count, cli: false,
    description: 'Samples of the group in the test split, where accuracy, loss and R(a) are measured.',
  },
  trainSize: {
    symbol: '|D_a|', name: 'group size', unit: 'samples', split: 'train', format: count, cli: false,
    description: 'Samples of the group in the training split: the group size of Prop. 1.',
  },
  accuracy: {
    symbol: '', name: 'accuracy', unit: '%', split: 'test', format: (v) => pct(v), cli: true, overall: 'accuracy',
    description: "Share of the group's test samples the model classifies correctly (Fig. 1, 4a).",
  },
  loss: {
    symbol: 'J(θ; D_a)', name: 'loss', unit: 'nats', split: 'test', format: loss, cli: false, overall: 'loss',
    description: 'Mean cross-entropy of the group, Eq. (1) restricted to D_a.',
  },
  excessLoss: {
    symbol: 'R(a)', name: 'excess loss', unit: 'nats', split: 'test', format: loss, cli: true,
    description: "J(θ̄; D_a) − J(θ̂; D_a), Eq. (2): the loss the group gains by pruning; 0 for the dense model.",
  },
  accuracyChange: {
    symbol: '', name: 'accuracy change', unit: 'pp', split: 'test', format: (v) => pp(v, 1), cli: false,
    description: "Accuracy minus the dense model's accuracy on the group (Fig. 1).",
  },
  boundaryCloseness: {
    symbol: 'Σp(1−p)', name: 'boundary closeness', unit: '', split: 'test', format: loss, cli: false,
    description: "Mean Σ_k p_k(1−p_k) of the softmax output, Theorem 2's f(1−f): larger = closer to the decision boundary.",
  },
  trainLoss: {
    symbol: 'J(θ; D_a)', name: 'training loss', unit: 'nats', split: 'train', format: loss, cli: false,
    description: 'Mean cross-entropy of the group on the training split.',
  },
  trainAccuracy: {
    symbol: '', name: 'training accuracy', unit: '%', split: 'train', format: (v) => pct(v), cli: false,
    description: "Share of the group's training samples classified correctly.",
  },
  trainExcessLoss: {
    symbol: 'R(a)', name: 'training excess loss', unit: 'nats', split: 'train', format: loss, cli: false,
    description: 'R(a) on the training split: the quantity Theorem 1 bounds.',
  },
  gradNorm: {
    symbol: '||g_a||', name: 'gradient norm', unit: '', split: 'train', format: (v) => num(v, 2), cli: true, overall: 'gradNorm',
    description: '||∇_θ J(θ; D_a)|| over the whole training group, exact, pruned coordinates included (Prop. 1, 2; Theorem 1).',
  },
  gradNormRemaining: {
    symbol: '||g_a ⊙ m||', name: 'gradient norm over remaining weights', unit: '', split: 'train', format: (v) => num(v, 2), cli: false,
    description: '||∇_θ J(θ; D_a)|| with the pruned coordinates left out (m: the pruning mask); equals ||g_a|| for a dense model.',
  },
  hessianMax: {
    symbol: 'λ(H_a)', name: 'Hessian max eigenvalue', unit: '', split: 'train', format: (v) => num(v, 2), cli: true, overall: 'hessianMax',
    description: "Top eigenvalue of the group's loss Hessian by Lanczos or power iteration (hessian.method; Theorem 1, 2), on at most hessian.maxSamplesPerGroup of the group's samples (hessian_samples: how many); missing where not computed.",
    usesHessian: true,
    detailColumns: [
      { column: 'hessian_samples', value: (g) => g.hessianMax?.samples ?? null },
      // Spread of λ(H_a) over hessian.sampleDraws subsamples; empty for a whole group (no other draw).
      { column: 'hessian_draw_min', value: (g) => g.hessianMax?.drawSpread?.min ?? null },
      { column: 'hessian_draw_max', value: (g) => g.hessianMax?.drawSpread?.max ?? null },
      { column: 'hessian_draw_sd', value: (g) => g.hessianMax?.drawSpread?.sd ?? null },
    ],
  },
  theorem1Bound: {
    symbol: 'R̃(a)', name: 'Theorem 1 bound', unit: 'nats', split: 'train', format: loss, cli: true,
    description: "||g_a||·||θ̄−θ̂|| + ½ λ(H_a)·||θ̄−θ̂||², Eq. (4) without the cubic term, with the dense model's g_a and H_a; its λ(H_a) is the subsampled one where λ(H_a) is.",
    usesHessian: true,
  },
};

/** λ(H_a) keeps its power-iteration record (iterations, convergence, samples); as a metric it is the eigenvalue. */
const numberOf = (v: number | HessianEstimate | null): number | null => (v === null || typeof v === 'number' ? v : v.value);

const snakeCase = (id: string) => id.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The metrics with bootstrap intervals: those averaged over the group's test samples. */
const withInterval = (id: GroupMetricId): id is keyof GroupIntervals => id === 'accuracy' || id === 'loss' || id === 'excessLoss';

function info<K extends GroupMetricId>(id: K, e: Entry): GroupMetricInfo {
  const overall = e.overall ?? null;
  const interval = (g: GroupMetrics): Interval | null => (withInterval(id) ? (g.intervals?.[id] ?? null) : null);
  const bounds = withInterval(id)
    ? [
        { column: `${snakeCase(id)}_low`, value: (g: GroupMetrics) => interval(g)?.low ?? null },
        { column: `${snakeCase(id)}_high`, value: (g: GroupMetrics) => interval(g)?.high ?? null },
      ]
    : [];
  return {
    ...e,
    id,
    overall,
    usesHessian: e.usesHessian ?? false,
    detailColumns: [...(e.detailColumns ?? []), ...bounds],
    interval,
    csvColumn: snakeCase(id),
    value: (g) => numberOf(g[id]),
    overallValue: (r) => (overall === null ? null : numberOf(r.overall[overall])),
  };
}

/** The metric table by id. */
export const groupMetricTable = Object.fromEntries(
  (Object.keys(entries) as GroupMetricId[]).map((id) => [id, info(id, entries[id])]),
) as Record<GroupMetricId, GroupMetricInfo>;

/** The metric table in order. */
export const groupMetrics: GroupMetricInfo[] = Object.values(groupMetricTable);

/** "Per-group gradient norm": the title of a chart of it. */
export const groupMetricTitle = (m: GroupMetricInfo) => `Per-group ${m.name}`;

/** "gradient norm ||g_a||": the name with the paper's symbol, for headings and scatter axes. */
export const groupMetricLabel = (m: GroupMetricInfo) => (m.symbol ? `${m.name} ${m.symbol}` : m.name);

/** "||g_a||": the symbol alone (the name when there is none), for a narrow axis. */
export const groupMetricAxis = (m: GroupMetricInfo) => m.symbol || m.name;
