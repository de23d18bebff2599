import { describe, expect, it } from 'vitest';
import { formatMitigationTables, formatTable1, formatTable2 } from '../../../src/cli/format-tables';
import { configSchema, type MitigationMode } from '../../../src/engine/contract/config';
import { RESULTS_SCHEMA_VERSION, type Results, type RunResult } from '../../../src/engine/contract/results';
import { table1, table2 } from '../../../src/engine/contract/summary-tables';

function run(seed: number, mode: MitigationMode, version: RunResult['version'], rate: number, groupAcc: [number, number], overall: number, wallMs = 100): RunResult {
  return {
    seed, mode, version, rate, sparsity: rate, paramDistance: 0,
    overall: { accuracy: overall, loss: 1, gradNorm: null, hessianMax: null },
    fairnessViolation: Math.max(...groupAcc) - Math.min(...groupAcc), excessLossGap: 0,
    groups: groupAcc.map((accuracy, a) => ({
      group: a, name: `g${a}`, testSize: 10, trainSize: 30, accuracy, loss: 1, excessLoss: 0, accuracyChange: 0, boundaryCloseness: 0,
      trainLoss: 1, trainAccuracy: accuracy, trainExcessLoss: 0, gradNorm: 1, gradNormRemaining: 1, hessianMax: null, theorem1Bound: null, intervals: null,
    })),
    fairnessViolationInterval: null,
    flips: [],
    multipliers: [],
    wallMs,
  };
}

function results(runs: RunResult[]): Results {
  return {
    schemaVersion: RESULTS_SCHEMA_VERSION, config: configSchema.parse({}), backend: { name: 'cpu', fallbackReason: null }, createdAt: '', durationMs: 0,
    dataset: { name: 't', classNames: ['a', 'b'], groupNames: ['g0', 'g1'], trainSizes: [30, 30], testSizes: [10, 10] },
    runs, training: [], correlations: [], status: 'complete', error: null,
  };
}

describe('summary tables', () => {
  it('Table 2: a row per mode, a column per pruning rate, mean ± std over seeds', () => {
    const r = results([
      run(1, 'none', null, 0, [1, 1], 1),
      run(1, 'none', null, 0.5, [0.9, 0.5], 0.8),
      run(2, 'none', null, 0.5, [0.9, 0.7], 0.9),
      run(1, 'after', 'relaxed', 0.5, [0.8, 0.7], 0.75),
      run(2, 'after', 'relaxed', 0.5, [0.8, 0.8], 0.8),
      run(1, 'before', 'relaxed', 0.5, [0.85, 0.6], 0.7),
    ]);
    const t = table2(r);
    expect(t.rates).toEqual([0.5]);
    expect(t.rows.map((row) => row.mode)).toEqual(['none', 'before', 'after']);
    const none = t.rows[0];
    expect(none.accuracy[0].mean).toBeCloseTo(0.85, 12);
    expect(none.fairnessViolation[0].mean).toBeCloseTo(0.3, 12);
    expect(none.fairnessViolation[0].std).toBeCloseTo(Math.SQRT2 * 0.1, 12);
    expect(t.rows[2].fairnessViolation[0].mean).toBeCloseTo(0.05, 12);
    const text = formatTable2(r);
    expect(text).toMatch(/Table 2/);
    expect(text).toMatch(/No Mitigation\s+0\.850±0\.071\s+0\.300±0\.141/);
    expect(text).toMatch(/Fair Bf Pruning\s+0\.700\s+0\.250/);
  });

  it('Table 1: full vs relaxed per mitigated mode and rate, group-wise accuracy and wall time', () => {
    const r = results([
      run(1, 'none', null, 0.5, [0.9, 0.5], 0.8),
      run(1, 'after', 'relaxed', 0, [1, 1], 1),
      run(1, 'after', 'relaxed', 0.5, [0.8, 0.7], 0.75, 1000),
      run(1, 'after', 'full', 0.5, [0.8, 0.78], 0.79, 20000),
      run(2, 'after', 'full', 0.5, [0.82, 0.8], 0.81, 22000),
    ]);
    const t = table1(r);
    expect(t.compared).toBe(true);
    // after's dense run (plain, not mitigated) and the unmitigated mode are left out.
    expect(t.rows.map((row) => `${row.mode}/${row.rate}/${row.version}`)).toEqual(['after/0.5/relaxed', 'after/0.5/full']);
    expect(t.rows[1].groupAccuracy.map((s) => s.mean)).toEqual([0.81, 0.79]);
    expect(t.rows[1].wallMs.mean).toBe(21000);
    expect(formatTable1(r)).toMatch(/after 50%\s+full\s+0\.810±0\.014\s+0\.790±0\.014\s+0\.800±0\.014\s+0\.020±0\.000\s+21\.0±1\.4/);
    // Two versions: the Table 2 rows name them.
    expect(formatTable2(r)).toMatch(/Fair Aft Pruning \(full\)/);
  });

  it('prints nothing when no mode mitigates', () => {
    expect(formatMitigationTables(results([run(1, 'none', null, 0.5, [0.9, 0.5], 0.8)]))).toBe('');
  });
});
