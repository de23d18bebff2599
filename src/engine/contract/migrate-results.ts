// Results files outlive the code that wrote them (exports, CLI runs, files attached to notes), so a file of an
// older schema version is brought up to date on read instead of being refused. Each step only moves and renames
// fields: no value is recomputed, so a migrated file shows exactly what was measured.

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The same object with some keys renamed, in their original order. */
function renameKeys(o: Json, names: Record<string, string>): Json {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [names[k] ?? k, v]));
}

/** v1 `size` was the test size beside `trainSize`; v1 `boundaryDistance` held Σp(1-p), which grows closer to the boundary. */
const GROUP_RENAMES = { size: 'testSize', boundaryDistance: 'boundaryCloseness' };

/** v1 `fairness.accuracyGap` is the paper's fairness violation; v2 lifts it and ξ out of the `fairness` object. */
const FAIRNESS_RENAMES = { accuracyGap: 'fairnessViolation' };

function migrateRun(run: unknown): unknown {
  if (!isObject(run)) return run;
  const entries = Object.entries(run).flatMap(([k, v]): Array<[string, unknown]> => {
    if (k === 'fairness' && isObject(v)) return Object.entries(renameKeys(v, FAIRNESS_RENAMES));
    if (k === 'groups' && Array.isArray(v)) return [[k, v.map((g) => (isObject(g) ? renameKeys(g, GROUP_RENAMES) : g))]];
    return [[k, v]];
  });
  return Object.fromEntries(entries);
}

/**
 * Results schema version 1 → 2 (pure: the input is not modified). Renamed: `runs[].fairness.accuracyGap` →
 * `runs[].fairnessViolation`, `runs[].fairness.excessLossGap` → `runs[].excessLossGap`, `runs[].groups[].size` →
 * `testSize`, `runs[].groups[].boundaryDistance` → `boundaryCloseness`. Anything malformed is passed through for the
 * schema to report.
 */
export function migrateResultsV1(v1: Json): Json {
  const runs = Array.isArray(v1.runs) ? v1.runs.map(migrateRun) : v1.runs;
  return { ...v1, schemaVersion: 2, runs };
}
