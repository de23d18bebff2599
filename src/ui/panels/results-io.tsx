import { useRef } from 'react';
import { resultsToCsv } from '../../state/results-csv';
import { download } from '../download';
import { useApp, useResultsImport } from '../app-context';

const stamp = () => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');

/** Export the Results as JSON (re-importable) or CSV (one row per group and point); import a JSON file. */
export function ResultsIo() {
  const importer = useResultsImport();
  const results = useApp((s) => s.results);
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="results-io">
      <button type="button" disabled={!results} onClick={() => results && download(new Blob([JSON.stringify(results, null, 2)], { type: 'application/json' }), `pruning-fairness-${stamp()}.json`)}>
        Export JSON
      </button>
      <button type="button" disabled={!results} onClick={() => results && download(new Blob([resultsToCsv(results)], { type: 'text/csv' }), `pruning-fairness-${stamp()}.csv`)}>
        Export CSV
      </button>
      <button type="button" onClick={() => input.current?.click()} title="Or drop a Results JSON file anywhere on the page">
        Import…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        aria-label="Import results file"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void importer.importFile(file);
          e.target.value = '';
        }}
      />
    </div>
  );
}
