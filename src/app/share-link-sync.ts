import { decodeShareLink, linkFor } from '../state/share-link';
import { isRunning, runStatus } from '../state/run-slice';
import type { AppStore } from '../state/store';

/**
 * Applies a decoded link to the store and lists what it dropped; true when it asks to run. Results the link carries
 * are shown as an import's are (source 'link'): the page offers to re-run them rather than running by itself.
 */
export function applyLink(store: AppStore, hash: string): boolean {
  const link = decodeShareLink(hash);
  const s = store.getState();
  s.setConfig(link.config);
  s.setPresenter(link.presenter);
  if (link.rate !== null) s.selectRate(link.rate);
  if (link.snapshot && isRunning(runStatus(s))) link.notices.push('results: not shown, a run is in progress (its results would replace them)');
  else if (link.snapshot) s.resultsImported(link.snapshot, 'link');
  if (link.notices.length) s.addNotice({ tone: 'warning', title: 'Parts of the link could not be used; the closest valid settings were loaded', lines: link.notices });
  return link.autorun;
}

/**
 * Keeps the URL hash in step with the config and view: replaceState (no history entry per change), at most every
 * 300 ms (browsers throttle replaceState floods). A hash typed or pasted by the user is read back in, and runs when
 * it says autorun=1. Returns the function that stops it.
 */
export function startShareLinkSync(store: AppStore, onAutorun: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let written = location.hash.slice(1);
  const write = () => {
    timer = null;
    const url = linkFor(store.getState(), location);
    const hash = url.slice(url.indexOf('#') + 1);
    if (hash !== written) {
      written = hash;
      history.replaceState(history.state, '', url);
    }
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.config === prev.config && s.presenter === prev.presenter && s.selectedRate === prev.selectedRate) return;
    if (timer === null) timer = setTimeout(write, 300);
  });
  // The event's own URL, not location: a replaceState of ours that lands between the change and this event would
  // otherwise swallow the link just pasted.
  const onHashChange = (e?: HashChangeEvent) => {
    const url = e?.newURL;
    const hash = url === undefined ? location.hash.slice(1) : url.includes('#') ? url.slice(url.indexOf('#') + 1) : '';
    if (hash === written) return;
    written = hash;
    if (applyLink(store, hash)) onAutorun();
  };
  window.addEventListener('hashchange', onHashChange);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHashChange);
    if (timer !== null) clearTimeout(timer);
  };
}
