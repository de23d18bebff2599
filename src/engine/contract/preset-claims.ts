import { sameRate } from './config';
import type { Results, RunResult } from './results';

// Each preset's one-line claim as data: the words the gallery shows, where on the page the claim can be seen, and a
// check of the claim over a run's Results (means over seeds, as the paper averages repetitions). The tests
// (test/engine/experiment/preset-claims.test.ts) run each preset's config and assert its check, so a claim cannot
// drift from what its preset shows.

/** What a check found: whether the claim holds on these Results, and the numbers it rests on. */
export interface ClaimCheck {
  holds: boolean;
  evidence: string;
}

export interface PresetClaim {
  /** The claim, in the gallery's words. */
  text: string;
  /** Where the page shows it (the chart or table to look at). */
  shownBy: string;
  check(results: Results): ClaimCheck;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : NaN);
const points = (x: number) => `${(100 * x).toFixed(1)} points`;

/** The runs of one mode (and version) at one rate, over seeds. */
const runsAt = (r: Results, rate: number, mode: RunResult['mode'] = 'none', version: RunResult['version'] = null) =>
  r.runs.filter((run) => sameRate(run.rate, rate) && run.mode === mode && (version === null || run.version === version));

/** Mean over seeds of a per-group number at one rate (mode none unless told). */
const groupMeans = (r: Results, rate: number, f: (g: RunResult['groups'][number]) => number, mode: RunResult['mode'] = 'none') =>
  r.dataset.groupNames.map((_, a) => mean(runsAt(r, rate, mode).map((run) => f(run.groups[a]))));

/** Mean accuracy lost per group at `rate` (positive = lost), over seeds. */
const drops = (r: Results, rate: number) => groupMeans(r, rate, (g) => -g.accuracyChange);

/** The group with the fewest training samples. */
const smallest = (r: Results) => r.dataset.trainSizes.indexOf(Math.min(...r.dataset.trainSizes));

const others = (xs: number[], a: number) => xs.filter((_, b) => b !== a);

/** The highest pruned rate a run measured. */
const highestRate = (r: Results) => Math.max(...r.runs.map((run) => run.rate));

/**
 * The small group loses the most at the high rate `rate`, at least `margin` more than any other group, while every
 * other group loses under `othersBelow`.
 */
function smallGroupLosesMostAt(r: Results, rate: number, margin: number, othersBelow: number): ClaimCheck {
  const a = smallest(r);
  const d = drops(r, rate);
  const worstOther = Math.max(...others(d, a));
  return {
    holds: d[a] >= worstOther + margin && worstOther < othersBelow,
    evidence: `at ${Math.round(rate * 100)}% ${r.dataset.groupNames[a]} (the smallest group) lost ${points(d[a])}, the others at most ${points(worstOther)}`,
  };
}

/** The small group's dense gradient norm is the largest on every seed, and `factor` times the others' mean. */
function smallGroupLargestGradNorm(r: Results, factor: number): ClaimCheck {
  const a = smallest(r);
  const dense = runsAt(r, 0);
  const everySeed = dense.every((run) => run.groups.every((g, b) => b === a || g.gradNorm < run.groups[a].gradNorm));
  const g = groupMeans(r, 0, (x) => x.gradNorm);
  const rest = mean(others(g, a));
  return { holds: everySeed && g[a] >= factor * rest, evidence: `dense ||g_a|| of ${r.dataset.groupNames[a]} ${g[a].toFixed(2)} against ${rest.toFixed(2)} for the others${everySeed ? ', the largest on every seed' : ', not the largest on every seed'}` };
}

/** At every measured rate below `rate`, the small group's mean accuracy change is not negative. */
function smallGroupGainsBelow(r: Results, rate: number): ClaimCheck {
  const a = smallest(r);
  const lower = [...new Set(r.runs.map((run) => run.rate))].filter((x) => x > 0 && x < rate).sort((x, y) => x - y);
  const changes = lower.map((x) => -drops(r, x)[a]);
  return {
    holds: lower.length > 0 && changes.every((c) => c >= 0),
    evidence: `below ${Math.round(rate * 100)}% its change was ${lower.map((x, k) => `${changes[k] >= 0 ? '+' : ''}${(100 * changes[k]).toFixed(1)} at ${Math.round(x * 100)}%`).join(', ') || 'not measured'}`,
  };
}

const both = (...checks: ClaimCheck[]): ClaimCheck => ({ holds: checks.every((c) => c.holds), evidence: checks.map((c) => c.evidence).join('; ') });

/** Spearman's rank correlation (ties share their mean rank). */
function spearman(x: number[], y: number[]): number {
  const ranks = (v: number[]) => {
    const order = v.map((_, i) => i).sort((i, j) => v[i] - v[j]);
    const r = new Array<number>(v.length);
    for (let k = 0; k < order.length; ) {
      let end = k;
      while (end + 1 < order.length && v[order[end + 1]] === v[order[k]]) end++;
      for (let t = k; t <= end; t++) r[order[t]] = (k + end) / 2;
      k = end + 1;
    }
    return r;
  };
  const [rx, ry] = [ranks(x), ranks(y)];
  const [mx, my] = [mean(rx), mean(ry)];
  const cov = rx.reduce((s, v, i) => s + (v - mx) * (ry[i] - my), 0);
  const sd = (v: number[], m: number) => Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0));
  return cov / (sd(rx, mx) * sd(ry, my));
}

export const presetClaims = {
  'start-here': {
    text: 'Prune a small CNN harder and harder: at 90% the large groups lose under a point, while the small, hard group loses several points, the most of any group.',
    shownBy: 'the accuracy-change chart at 90% and the per-group accuracy chart',
    check: (r) => smallGroupLosesMostAt(r, 0.9, 0.03, 0.01),
  },
  'synthetic-minority': {
    text: 'A small, hard group ends training with by far the largest gradient norm (Prop. 1) and, at 90% pruning, is the group that loses accuracy (at 30-70% fine-tuning after pruning helps it more than it loses).',
    shownBy: 'the gradient-norm chart at rate 0 and the accuracy-change chart at 90%',
    check: (r) => both(smallGroupLargestGradNorm(r, 10), smallGroupLosesMostAt(r, highestRate(r), 0.05, 0.01), smallGroupGainsBelow(r, highestRate(r))),
  },
  'mnist-imbalanced': {
    text: 'Digits as groups, some made rare: rare digits end with larger gradient norms, and at 90% the loss falls mostly on a digit with one of the largest norms (digit 8 on seeds 1-3), not simply on the rarest: the norms, not rarity alone, predict who loses.',
    shownBy: 'the size-vs-||g_a|| scatter and the accuracy-change chart at 90%',
    check: (r) => {
      const g = groupMeans(r, 0, (x) => x.gradNorm);
      const rho = spearman(r.dataset.trainSizes, g);
      const d = drops(r, highestRate(r));
      const worst = d.indexOf(Math.max(...d));
      const rank = g.filter((x) => x > g[worst]).length;
      return {
        holds: rho < -0.5 && rank < 3 && d[worst] > 0.05,
        evidence: `ρ(train size, ||g_a||) ${rho.toFixed(2)}; at ${Math.round(highestRate(r) * 100)}% ${r.dataset.groupNames[worst]} lost the most (${points(d[worst])}), its ||g_a|| ranked ${rank + 1} of ${g.length}`,
      };
    },
  },
  'fashion-classes': {
    text: "Clothes classes as groups, some made rare (the paper's CIFAR-10/SVHN setting): the least accurate classes have the largest gradient norms and lose the most accuracy when pruned hard.",
    shownBy: 'the accuracy-vs-||g_a|| scatter and the accuracy-change chart at 90%',
    check: (r) => {
      const acc = groupMeans(r, 0, (x) => x.accuracy);
      const g = groupMeans(r, 0, (x) => x.gradNorm);
      const d = drops(r, highestRate(r));
      const order = acc.map((_, a) => a).sort((a, b) => acc[a] - acc[b]);
      const [least, rest] = [order.slice(0, 3), order.slice(3)];
      const over = (xs: number[], idx: number[]) => mean(idx.map((a) => xs[a]));
      const rho = spearman(acc, g);
      return {
        holds: rho < -0.7 && over(g, least) > 2 * over(g, rest) && spearman(acc, d) < 0 && over(d, least) > over(d, rest) && over(d, least) > 0,
        evidence: `ρ(accuracy, ||g_a||) ${rho.toFixed(2)}; ||g_a|| of the 3 least accurate ${over(g, least).toFixed(2)} vs ${over(g, rest).toFixed(2)}; at ${Math.round(highestRate(r) * 100)}% they lost ${points(over(d, least))} vs ${points(over(d, rest))}`,
      };
    },
  },
  'mitigation-modes': {
    text: 'Equalising group losses (Eq. 8) on the pruned model (Fair Aft Pruning, Fair Both) narrows the accuracy gap that pruning opens at its highest rate, 90% (at lower rates the modes are close).',
    shownBy: 'the fairness-violation-by-mode chart and the table, at 90%',
    check: (r) => {
      const rate = highestRate(r);
      const violation = (mode: RunResult['mode']) => mean(runsAt(r, rate, mode).map((run) => run.fairnessViolation));
      const [none, after, bothModes] = [violation('none'), violation('after'), violation('both')];
      return { holds: after < none && bothModes < none, evidence: `fairness violation at ${Math.round(rate * 100)}%: none ${none.toFixed(3)}, after ${after.toFixed(3)}, both ${bothModes.toFixed(3)}` };
    },
  },
  'full-vs-relaxed': {
    text: 'Constraining gradient norms and Hessian eigenvalues directly (full, Eq. 7) costs several times the time of equalising losses (relaxed, Eq. 8) per pruned model.',
    shownBy: 'the time-per-run column of the table (Fair Aft Pruning, full against relaxed)',
    check: (r) => {
      const pruned = (version: RunResult['version']) => r.runs.filter((run) => run.rate > 0 && run.mode === 'after' && run.version === version);
      const time = (version: RunResult['version']) => mean(pruned(version).map((run) => run.wallMs));
      const ratio = time('full') / time('relaxed');
      return { holds: ratio >= 3, evidence: `Fair Aft Pruning per pruned model: full ${(time('full') / 1000).toFixed(1)} s, relaxed ${(time('relaxed') / 1000).toFixed(1)} s (${ratio.toFixed(1)}x)` };
    },
  },
} satisfies Record<string, PresetClaim>;

/** The checked claim of a preset, when it has one (the presets on data the user brings are not run in CI). */
export const claimOf = (presetId: string): PresetClaim | undefined => (presetClaims as Record<string, PresetClaim>)[presetId];
