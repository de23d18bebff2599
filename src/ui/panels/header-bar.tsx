import { useState } from 'react';
import { isStale } from '../../state/select-stale';
import { linkFor } from '../../state/share-link';
import { useApp, useAppStore, useController } from '../app-context';
import { BackendBadge } from './backend-badge';
import { ResultsIo } from './results-io';
import { RunEstimateNote } from './run-estimate';
import { runStatus } from '../../state/run-slice';

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
  const [copied, setCopied] = useState<string | null>(null);
  const running = status === 'starting' || status === 'running' || status === 'cancelling';

  async function copyLink() {
    const url = linkFor(store.getState(), location);
    const ok = await copyText(url);
    setCopied(ok ? 'Link copied' : 'Copy this link:');
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
        <button type="button" onClick={() => void copyLink()}>
          Copy link
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
