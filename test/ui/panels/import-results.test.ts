import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RESULTS_SCHEMA_VERSION } from '../../../src/engine/contract/results';
import { createAppStore } from '../../../src/state/store';
import { importResultsFile } from '../../../src/ui/panels/import-results';

const v1Text = readFileSync(new URL('../../fixtures/results-v1.json', import.meta.url), 'utf8');

describe('importing a Results file on the page', () => {
  it('reads a version 1 file through the migrating parser and says so', async () => {
    const store = createAppStore();
    expect(await importResultsFile(store, new File([v1Text], 'old.json', { type: 'application/json' }))).toBe(true);
    const s = store.getState();
    expect(s.results?.schemaVersion).toBe(RESULTS_SCHEMA_VERSION);
    const old = JSON.parse(v1Text);
    expect(s.results?.runs[0].fairnessViolation).toBe(old.runs[0].fairness.accuracyGap);
    expect(s.results?.runs[0].groups[0].boundaryCloseness).toBe(old.runs[0].groups[0].boundaryDistance);
    const notice = s.notices.find((n) => n.title === 'Imported old.json');
    expect(notice?.lines.join('\n')).toMatch(/schema version 1 file: its fields were renamed to version 2/);
  });

  it('refuses a file that is not Results with one notice', async () => {
    const store = createAppStore();
    expect(await importResultsFile(store, new File(['{"schemaVersion": 9}'], 'x.json'))).toBe(false);
    expect(store.getState().notices.map((n) => n.title)).toEqual(['Could not import x.json']);
  });
});
