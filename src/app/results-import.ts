import { fileLabel, type DecodedResults } from '../engine/contract/decode-results';
import { errorMessage } from '../engine/contract/events';
import { isRunning, runStatus } from '../state/run-slice';
import type { AppStore } from '../state/store';
import type { ResultsReader } from '../worker/read-results';

export interface ResultsImport {
  /** Reads a Results JSON file into the page; false when it was refused (a run in progress, not Results). */
  importFile(file: Blob & { name: string }): Promise<boolean>;
}

const busy = (store: AppStore) => isRunning(runStatus(store.getState()));

/** A file is shown as it was, nothing recomputed; its config is repaired like a link's, and each repair is named. */
export function createResultsImport(store: AppStore, read: ResultsReader): ResultsImport {
  const s = () => store.getState();
  // A run streams into the same charts and its final Results would replace the import without a word: refuse.
  const refuseMidRun = (name: string) =>
    s().addNotice({
      tone: 'warning',
      title: `Did not import ${name}: a run is in progress`,
      lines: ['Its results would replace the imported ones when it ends.', 'Cancel the run or wait for it to finish, then import the file again.'],
    });

  return {
    async importFile(file) {
      const name = fileLabel(file.name);
      if (busy(store)) {
        refuseMidRun(name);
        return false;
      }
      let decoded: DecodedResults;
      try {
        decoded = await read(file);
      } catch (e) {
        decoded = { ok: false, error: errorMessage(e) };
      }
      if (!decoded.ok) {
        s().addNotice({ tone: 'error', title: `Could not import ${name}`, lines: [decoded.error] });
        return false;
      }
      // Reading a large file takes a while: a run may have started meanwhile.
      if (busy(store)) {
        refuseMidRun(name);
        return false;
      }
      const r = decoded.results;
      s().resultsImported(r);
      s().setConfig(r.config);
      s().addNotice({
        tone: decoded.notices.length ? 'warning' : 'info',
        title: `Imported ${name}`,
        lines: [
          `${r.runs.length} measured points from ${fileLabel(r.createdAt)} on ${fileLabel(r.backend.name)}${r.status !== 'complete' ? ` (${r.status})` : ''}; shown as recorded, not recomputed.`,
          ...(decoded.migratedFrom !== null ? [`A results schema version ${decoded.migratedFrom} file: its fields were renamed to version ${r.schemaVersion} on import, values unchanged.`] : []),
          ...(decoded.notices.length ? ['Its config was read like a link: what this build could not use was dropped or clamped:', ...decoded.notices] : []),
        ],
      });
      return true;
    },
  };
}
