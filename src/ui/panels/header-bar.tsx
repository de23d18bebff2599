import { useState } from 'react';
import { isStale } from '../../state/select-stale';
import { encodeSnapshot, SNAPSHOT_MAX_CHARS } from '../../state/results-snapshot';
import { linkFor } from '../../state/share-link';
import { useApp, useAppStore, useController } from '../app-context';
import { BackendBadge } from './backend-badge';
import { ResultsIo } from './results-io';
import { RunEstimateNote } from './run-estimate';
import { isRunning, runStatus } from '../../state/run-slice';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Title, backend, Run / Cancel, Copy link, presenter switch, export and import. */
export function HeaderBar() {
  const store = useAppStore();
  const controller = useController();
  const status = useApp(runStatus);
  const presenter = useApp((s) => s.presenter);
  const setPresenter = useApp((s) => s.setPresenter);
  const stale = useApp((s) => isStale(s.config, s.results) && s.source !== null);
  const hasResults = useApp((s) => s.results !== null);
  const [copied, setCopied] = useState<string | null>(null);
  const running = isRunning(status);

  /** The link alone, or with a snapshot of the Results so it opens onto the charts (results-snapshot.ts). */
  async function copyLink(withResults: boolean) {
    const st = store.getState();
    let snapshot: string | undefined;
    let note = '';
    if (withResults && st.results) {
      const encoded = encodeSnapshot(st.results);
      if (!encoded.ok) {
        setCopied(`These results take ${Math.ceil(encoded.chars / 1000)} KB, more than a link's ${SNAPSHOT_MAX_CHARS / 1000} KB: copy the link alone, or Export JSON`);
        setTimeout(() => setCopied(null), 6000);
        return;
      }
      snapshot = encoded.text;
      note = ` with results (${Math.ceil(encoded.text.length / 1000)} KB${encoded.leftOut.length ? `; left out to fit: ${encoded.leftOut.join(', ')}` : ''})`;
    }
    const url = linkFor(st, location, snapshot);
    const ok = await copyText(url);
    setCopied(ok ? `Link copied${note}` : 'Copy this link:');
    if (ok) setTimeout(() => setCopied(null), 2500);
    else window.prompt('Copy this link', url);
  }

  return (
    <header className="top-bar">
      <h1>
        Pruning fairness playground <span className="muted">· does pruning hurt some groups more?</span>
      </h1>
      <div className="top-actions">
        <BackendBadge />
        <button type="button" className={`primary${stale ? ' attention' : ''}`} onClick={() => controller.run()} title={stale ? 'The settings changed since these results: run again' : 'Train, prune and measure with these settings'}>
          Run
        </button>
        <RunEstimateNote />
        <button type="button" disabled={!running || status === 'cancelling'} onClick={() => controller.cancel()}>
          Cancel
        </button>
        <button type="button" onClick={() => void copyLink(false)} title="The settings only: whoever opens it presses Run">
          Copy link
        </button>
        <button type="button" disabled={!hasResults || running} onClick={() => void copyLink(true)} title="The settings and these results: the link opens onto the finished charts">
          Copy link with results
        </button>
        {copied && <span className="muted" role="status">{copied}</span>}
        <button type="button" aria-pressed={presenter} onClick={() => setPresenter(!presenter)} title="Hide the controls and enlarge the charts (classroom)">
          Presenter
        </button>
        <ResultsIo />
      </div>
    </header>
  );
}
