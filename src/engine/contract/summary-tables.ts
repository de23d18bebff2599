import { mitigationModes, sameRate, type MitigationMode, type MitigationVersion } from './config';
import { meanStd, type MeanStd } from './mean-std';
import type { Results, RunResult } from './results';

// The paper's two mitigation tables as plain numbers from Results (no tfjs: views and the CLI both read these).

type Version = RunResult['version'];

/** One row of Table 2: a mode (with its version, when several were run), a cell per pruning rate. */
export interface Table2Row {
  mode: MitigationMode;
  version: Version;
  /** Overall test accuracy. */
  accuracy: MeanStd[];
  /** Fairness violation: max − min group accuracy. */
  fairnessViolation: MeanStd[];
  /** ξ, Eq. (3): not in the paper's Table 2, but the page shows it beside the violation. */
  excessLossGap: MeanStd[];
  /** Wall time per run, ms (pruning, fine-tuning, measuring; the dense row: training): what a version costs. */
  wallMs: MeanStd[];
}

export interface Table2 {
  /** The pruning rates of the columns, ascending (the dense model, rate 0, only when asked for). */
  rates: number[];
  rows: Table2Row[];
}

const MODE_ORDER: readonly MitigationMode[] = mitigationModes;
const VERSION_ORDER: Version[] = [null, 'relaxed', 'full', 'ceag'];

function modeVersions(runs: RunResult[]): Array<{ mode: MitigationMode; version: Version }> {
  const keys = new Map<string, { mode: MitigationMode; version: Version }>();
  for (const r of runs) keys.set(`${r.mode}/${r.version}`, { mode: r.mode, version: r.mode === 'none' ? null : r.version });
  return [...keys.values()].sort((a, b) => MODE_ORDER.indexOf(a.mode) - MODE_ORDER.indexOf(b.mode) || VERSION_ORDER.indexOf(a.version) - VERSION_ORDER.indexOf(b.version));
}

/** The runs of one cell of a table: one mode (and version) at one rate, one per seed. */
const runsAt = (runs: RunResult[], mode: MitigationMode, version: Version, rate: number) =>
  runs.filter((r) => r.mode === mode && (mode === 'none' || r.version === version) && sameRate(r.rate, rate));

/**
 * Table 2's shape: modes × pruning rates, overall test accuracy and fairness violation (and ξ), mean ± std over seeds.
 * The paper leaves the dense model out (the CLI too); the page shows it as the reference row (withDense).
 */
export function table2(results: Results, { withDense = false } = {}): Table2 {
  const rates = [...new Set(results.runs.map((r) => r.rate).filter((r) => withDense || r > 0))].sort((a, b) => a - b);
  const rows = modeVersions(results.runs).map(({ mode, version }) => {
    const cells = rates.map((rate) => runsAt(results.runs, mode, version, rate));
    return {
      mode,
      version,
      accuracy: cells.map((runs) => meanStd(runs.map((r) => r.overall.accuracy))),
      fairnessViolation: cells.map((runs) => meanStd(runs.map((r) => r.fairnessViolation))),
      excessLossGap: cells.map((runs) => meanStd(runs.map((r) => r.excessLossGap))),
      wallMs: cells.map((runs) => meanStd(runs.map((r) => r.wallMs))),
    };
  });
  return { rates, rows };
}

/** One row of Table 1: a mitigated mode at one rate with one version. */
export interface Table1Row {
  mode: MitigationMode;
  rate: number;
  version: MitigationVersion;
  /** Test accuracy of each group (the paper's class-wise accuracy, its groups being the classes). */
  groupAccuracy: MeanStd[];
  overall: MeanStd;
  fairnessViolation: MeanStd;
  /** Wall time of the run: training (rate 0) or pruning + fine-tuning + measuring (other rates), ms. */
  wallMs: MeanStd;
}

export interface Table1 {
  groupNames: string[];
  rows: Table1Row[];
  /** Whether the paper's two versions, relaxed and full, are both present, so the rows can be compared pairwise. */
  compared: boolean;
}

/**
 * Table 1's shape: full vs relaxed mitigation, per mitigated mode and rate, group-wise and overall accuracy and wall
 * time. A mode's dense run (rate 0) is kept only where the dense model was itself mitigated (before, both).
 */
export function table1(results: Results): Table1 {
  const mitigated = results.runs.filter((r) => r.mode !== 'none' && r.version !== null && (r.rate > 0 || r.mode === 'before' || r.mode === 'both'));
  const keys = new Map<string, { mode: MitigationMode; rate: number; version: MitigationVersion }>();
  for (const r of mitigated) keys.set(`${r.mode}/${r.rate}/${r.version}`, { mode: r.mode, rate: r.rate, version: r.version as MitigationVersion });
  const rows = [...keys.values()]
    .sort((a, b) => MODE_ORDER.indexOf(a.mode) - MODE_ORDER.indexOf(b.mode) || a.rate - b.rate || VERSION_ORDER.indexOf(a.version) - VERSION_ORDER.indexOf(b.version))
    .map(({ mode, rate, version }) => {
      const runs = runsAt(mitigated, mode, version, rate);
      return {
        mode,
        rate,
        version,
        groupAccuracy: results.dataset.groupNames.map((_, a) => meanStd(runs.map((r) => r.groups[a]?.accuracy))),
        overall: meanStd(runs.map((r) => r.overall.accuracy)),
        fairnessViolation: meanStd(runs.map((r) => r.fairnessViolation)),
        wallMs: meanStd(runs.map((r) => r.wallMs)),
      };
    });
  const versions = new Set(rows.map((r) => r.version));
  return { groupNames: results.dataset.groupNames, rows, compared: versions.has('relaxed') && versions.has('full') };
}
