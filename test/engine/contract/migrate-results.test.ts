import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrateResultsV1 } from '../../../src/engine/contract/migrate-results';
import { parseResults, RESULTS_SCHEMA_VERSION, resultsSchema } from '../../../src/engine/contract/results';

// A real version 1 file: written by `npm run experiment` before the version 2 renames (2 seeds, modes none and after,
// λ(H_a) on the dense models).
const v1Text = readFileSync(new URL('../../fixtures/results-v1.json', import.meta.url), 'utf8');
const v1 = () => JSON.parse(v1Text);

interface V1Group { size: number; trainSize: number; boundaryDistance: number; accuracy: number }
interface V1Run { fairness: { accuracyGap: number; excessLossGap: number }; groups: V1Group[] }

describe('Results schema version 1 files', () => {
  it('is a version 1 file with every field version 2 renamed', () => {
    const raw = v1();
    expect(raw.schemaVersion).toBe(1);
    expect(raw.runs.length).toBeGreaterThan(0);
    for (const run of raw.runs as V1Run[]) {
      expect(Object.keys(run.fairness).sort()).toEqual(['accuracyGap', 'excessLossGap']);
      for (const g of run.groups) expect(g).toHaveProperty('boundaryDistance');
    }
  });

  it('imports through parseResults, migrated and reported as version 1', () => {
    const parsed = parseResults(v1());
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.migratedFrom).toBe(1);
    expect(parsed.results.schemaVersion).toBe(RESULTS_SCHEMA_VERSION);
  });

  it('reads λ(H_a) records written before the residual was recorded, with residual null', () => {
    const parsed = parseResults(v1());
    if (!parsed.ok) throw new Error(parsed.error);
    const estimates = parsed.results.runs.flatMap((r) => r.groups.map((g) => g.hessianMax)).filter((h) => h !== null);
    expect(estimates.length).toBeGreaterThan(0);
    for (const h of estimates) expect(h.residual).toBeNull();
    // A version 2 file of the same age (no residual field) parses too: the field is optional, no version bump.
    const v2 = JSON.parse(JSON.stringify(parsed.results));
    for (const r of v2.runs) for (const g of r.groups) if (g.hessianMax) delete g.hessianMax.residual;
    const again = parseResults(v2);
    expect(again.ok && again.migratedFrom === null).toBe(true);
  });

  it('moves every renamed field with its value unchanged, and validates as version 2', () => {
    const raw = v1();
    const migrated = migrateResultsV1(raw);
    const checked = resultsSchema.safeParse(migrated);
    expect(checked.success).toBe(true);
    if (!checked.success) return;
    const runs = checked.data.runs;
    expect(runs).toHaveLength(raw.runs.length);
    (raw.runs as V1Run[]).forEach((old, i) => {
      const run = runs[i];
      expect(run.fairnessViolation).toBe(old.fairness.accuracyGap);
      expect(run.excessLossGap).toBe(old.fairness.excessLossGap);
      expect(run).not.toHaveProperty('fairness');
      old.groups.forEach((g, a) => {
        expect(run.groups[a].testSize).toBe(g.size);
        expect(run.groups[a].boundaryCloseness).toBe(g.boundaryDistance);
        expect(run.groups[a].trainSize).toBe(g.trainSize);
        expect(run.groups[a]).not.toHaveProperty('size');
        expect(run.groups[a]).not.toHaveProperty('boundaryDistance');
      });
    });
  });

  it('changes nothing else: the v1 file and the migrated one differ only in the renamed fields', () => {
    const raw = v1();
    const migrated = migrateResultsV1(raw) as { runs: Array<Record<string, unknown>> } & Record<string, unknown>;
    const strip = (r: Record<string, unknown>) => {
      const { schemaVersion: _, runs: __, ...rest } = r;
      return rest;
    };
    expect(strip(migrated)).toEqual(strip(raw));
    expect(migrated.schemaVersion).toBe(2);
    (raw.runs as Array<Record<string, unknown>>).forEach((old, i) => {
      const { fairness: _f, groups: oldGroups, ...oldRest } = old;
      const { fairnessViolation: _v, excessLossGap: _x, groups: newGroups, ...newRest } = migrated.runs[i];
      expect(newRest).toEqual(oldRest);
      (oldGroups as Array<Record<string, unknown>>).forEach((g, a) => {
        const { size: _s, boundaryDistance: _b, ...oldG } = g;
        const { testSize: _t, boundaryCloseness: _c, ...newG } = (newGroups as Array<Record<string, unknown>>)[a];
        expect(newG).toEqual(oldG);
      });
    });
  });

  it('is pure: the input object is left as it was', () => {
    const raw = v1();
    migrateResultsV1(raw);
    expect(raw).toEqual(v1());
  });

  it('keeps the key order of a run (the renamed fields stay where they were)', () => {
    const run = (migrateResultsV1(v1()).runs as Array<Record<string, unknown>>)[0];
    const keys = Object.keys(run);
    expect(keys.indexOf('fairnessViolation')).toBe(keys.indexOf('overall') + 1);
    expect(Object.keys((run.groups as Array<Record<string, unknown>>)[0]).slice(2, 4)).toEqual(['testSize', 'trainSize']);
  });

  it('reads a version 2 file as it is, and refuses other versions naming both', () => {
    const parsed = parseResults(v1());
    if (!parsed.ok) throw new Error(parsed.error);
    const again = parseResults(JSON.parse(JSON.stringify(parsed.results)));
    expect(again).toEqual({ ok: true, results: parsed.results, migratedFrom: null });
    const future = parseResults({ ...v1(), schemaVersion: 3 });
    expect(future.ok).toBe(false);
    if (!future.ok) expect(future.error).toMatch(/version 3 is not supported.*versions 1 to 2/);
  });

  it('passes a malformed version 1 file through for the schema to name what is wrong', () => {
    const broken = v1();
    broken.runs[0].groups = 'nope';
    const parsed = parseResults(broken);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/version 1.*runs\.0\.groups/);
  });
});
