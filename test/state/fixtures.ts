import { defaultConfig, type MitigationMode } from '../../src/engine/contract/config';
import { RESULTS_SCHEMA_VERSION, type GroupMetrics, type Results, type RunResult } from '../../src/engine/contract/results';

/**
 * Results built by hand, with values that are simple functions of (seed, mode, rate, group), so a test can compute
 * the expected means and bands itself: accuracy = 0.9 - 0.1·a - rate·(a+1)/4 + 0.01·(seed-1) (+0.05 when mitigated).
 */
export function accuracyOf(seed: number, mode: MitigationMode, rate: number, a: number): number {
  return 0.9 - 0.1 * a - (rate * (a + 1)) / 4 + 0.01 * (seed - 1) + (mode === 'none' ? 0 : 0.05);
}

function group(seed: number, mode: MitigationMode, rate: number, a: number): GroupMetrics {
  const accuracy = accuracyOf(seed, mode, rate, a);
  return {
    group: a, name: `g${a}`, testSize: 100 - 30 * a, trainSize: 300 - 90 * a, accuracy, loss: 1 - accuracy,
    excessLoss: accuracyOf(seed, mode, 0, a) - accuracy, accuracyChange: accuracy - accuracyOf(seed, mode, 0, a),
    boundaryCloseness: 0.1 * (a + 1), trainLoss: 1 - accuracy, trainAccuracy: accuracy, trainExcessLoss: 0,
    gradNorm: 1 + a + rate, gradNormRemaining: (1 + a + rate) * (1 - rate), hessianMax: rate === 0 ? { value: 2 * (a + 1), iterations: 5, converged: true, residual: 1e-4, samples: 10, drawSpread: null } : null,
    theorem1Bound: rate === 0 ? 0 : rate * (a + 1),
    intervals: { accuracy: { low: accuracy - 0.02, high: accuracy + 0.02 }, loss: { low: 0.9 - accuracy, high: 1.1 - accuracy }, excessLoss: { low: 0, high: 0.1 } },
  };
}

export function run(seed: number, mode: MitigationMode, rate: number, groups = 3): RunResult {
  const gs = Array.from({ length: groups }, (_, a) => group(seed, mode, rate, a));
  const accs = gs.map((g) => g.accuracy);
  return {
    seed, mode, version: mode === 'none' ? null : 'relaxed', rate, sparsity: rate, paramDistance: rate,
    overall: { accuracy: accs.reduce((s, x) => s + x, 0) / accs.length, loss: 0.5, gradNorm: null, hessianMax: null },
    fairnessViolation: Math.max(...accs) - Math.min(...accs), excessLossGap: 0.1, fairnessViolationInterval: null,
    groups: gs, flips: [], multipliers: [], wallMs: 1,
  };
}

export function fixtureResults(opts: { seeds?: number[]; modes?: MitigationMode[]; rates?: number[] } = {}): Results {
  const seeds = opts.seeds ?? [1, 2];
  const modes = opts.modes ?? ['none', 'after'];
  const rates = opts.rates ?? [0, 0.5, 0.9];
  const config = defaultConfig();
  return {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    config: { ...config, seeds: seeds.length, mitigation: { ...config.mitigation, modes }, prune: { ...config.prune, rates: rates.filter((r) => r > 0) } },
    backend: { name: 'cpu', fallbackReason: null },
    createdAt: '2024-01-01T00:00:00.000Z',
    durationMs: 10,
    dataset: { name: 'fixture', classNames: ['0', '1'], groupNames: ['g0', 'g1', 'g2'], trainSizes: [300, 210, 120], testSizes: [100, 70, 40] },
    runs: seeds.flatMap((s) => modes.flatMap((m) => rates.map((r) => run(s, m, r)))),
    training: seeds.map((seed) => ({
      seed, phase: 'dense',
      epochs: [1, 2].map((epoch) => ({ epoch, loss: 1 / epoch, accuracy: 0.5 + 0.1 * epoch, groups: [0, 1, 2].map((a) => ({ loss: 1 / epoch + a, accuracy: 0.5 + 0.1 * epoch - 0.1 * a + 0.01 * seed })) })),
    })),
    correlations: [],
    status: 'complete',
    error: null,
  };
}
