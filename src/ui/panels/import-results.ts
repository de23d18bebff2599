import { errorMessage } from '../../engine/contract/events';
import { parseResults } from '../../engine/contract/results';
import type { AppStore } from '../../state/store';

/** Reads a Results JSON file into the store: it renders as it was, nothing is recomputed (older versions are migrated on read). */
export async function importResultsFile(store: AppStore, file: File): Promise<boolean> {
  const s = store.getState();
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch (e) {
    s.addNotice({ tone: 'error', title: `Could not import ${file.name}`, lines: [`not JSON: ${errorMessage(e)}`] });
    return false;
  }
  const parsed = parseResults(json);
  if (!parsed.ok) {
    s.addNotice({ tone: 'error', title: `Could not import ${file.name}`, lines: [parsed.error] });
    return false;
  }
  const r = parsed.results;
  s.resultsImported(r);
  s.setConfig(r.config);
  s.addNotice({
    tone: 'info',
    title: `Imported ${file.name}`,
    lines: [
      `${r.runs.length} measured points from ${r.createdAt} on ${r.backend.name}${r.status !== 'complete' ? ` (${r.status})` : ''}; shown as recorded, not recomputed.`,
      ...(parsed.migratedFrom !== null ? [`A results schema version ${parsed.migratedFrom} file: its fields were renamed to version ${r.schemaVersion} on import, values unchanged.`] : []),
    ],
  });
  return true;
}
