import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createResultsImport } from '../../src/app/results-import';
import { decodeResultsText } from '../../src/engine/contract/decode-results';
import { RESULTS_SCHEMA_VERSION, type Results } from '../../src/engine/contract/results';
import { createAppStore } from '../../src/state/store';
import { readResultsHere, type ResultsReader } from '../../src/worker/read-results';

const v1Text = readFileSync(new URL('../fixtures/results-v1.json', import.meta.url), 'utf8');
const v2 = (() => {
  const d = decodeResultsText(v1Text);
  if (!d.ok) throw new Error(d.error);
  return d.results;
})();
const file = (body: unknown, name = 'r.json') => new File([typeof body === 'string' ? body : JSON.stringify(body)], name, { type: 'application/json' });
const titles = (store: ReturnType<typeof createAppStore>) => store.getState().notices.map((n) => n.title);

describe('importing a Results file on the page', () => {
  it('reads a version 1 file through the migrating parser and says so', async () => {
    const store = createAppStore();
    expect(await createResultsImport(store, readResultsHere).importFile(file(v1Text, 'old.json'))).toBe(true);
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
    const importer = createResultsImport(store, readResultsHere);
    expect(await importer.importFile(file('{"schemaVersion": 9}', 'x.json'))).toBe(false);
    expect(await importer.importFile(file('{"schemaVersion": 2, "runs": "many"}', 'y.json'))).toBe(false);
    expect(await importer.importFile(file('not json', 'z.json'))).toBe(false);
    expect(titles(store)).toEqual(['Could not import x.json', 'Could not import y.json', 'Could not import z.json']);
    expect(store.getState().results).toBeNull();
  });

  it('reads its config like a link: an unknown key dropped and a value out of range clamped, each named', async () => {
    const store = createAppStore();
    const config = { ...v2.config, bogus: 1, train: { ...v2.config.train, epochs: 5000 } };
    expect(await createResultsImport(store, readResultsHere).importFile(file({ ...v2, config }))).toBe(true);
    const s = store.getState();
    expect(s.results?.config.train.epochs).toBe(200);
    expect(s.config.train.epochs).toBe(200);
    expect(s.results?.runs).toEqual(v2.runs);
    const notice = s.notices.find((n) => n.title === 'Imported r.json')!;
    expect(notice.tone).toBe('warning');
    expect(notice.lines.join('\n')).toContain('config: ignored unknown setting bogus');
    expect(notice.lines.join('\n')).toContain('config: train.epochs: 5000 is out of range, clamped to 200');
  });

  it('refuses while a run is in progress, and when a run started while the file was read', async () => {
    const store = createAppStore();
    store.getState().runStarted(0);
    expect(await createResultsImport(store, readResultsHere).importFile(file(v2))).toBe(false);
    expect(titles(store)).toEqual(['Did not import r.json: a run is in progress']);
    expect(store.getState().results).toBeNull();

    const idle = createAppStore();
    const slow: ResultsReader = async (f) => {
      idle.getState().runStarted(0); // Run pressed while a large file was being read
      return readResultsHere(f);
    };
    expect(await createResultsImport(idle, slow).importFile(file(v2))).toBe(false);
    expect(titles(idle)).toEqual(['Did not import r.json: a run is in progress']);
    expect(idle.getState().results).toBeNull();
  });

  it('lands on a measured pruned rate (nearest 90%), not on 0%, and keeps a measured rate already selected', async () => {
    const store = createAppStore();
    expect(store.getState().selectedRate).toBe(0);
    await createResultsImport(store, readResultsHere).importFile(file(v2));
    expect(store.getState().selectedRate).toBe(0.9);
    const kept = createAppStore({ selectedRate: 0.5 });
    await createResultsImport(kept, readResultsHere).importFile(file(v2));
    expect(kept.getState().selectedRate).toBe(0.5);
  });

  it('echoes a long file name and file strings cut short', async () => {
    const store = createAppStore();
    const long: Results = { ...v2, createdAt: 'y'.repeat(10_000) };
    await createResultsImport(store, readResultsHere).importFile(file(long, `${'x'.repeat(10_000)}.json`));
    const [notice] = store.getState().notices;
    expect(notice.title.length).toBeLessThan(100);
    expect(notice.lines.join('').length).toBeLessThan(400);
  });
});
