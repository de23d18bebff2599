import type { AppStore } from '../state/store';

// The WebAssembly thread count is a setting of this device, not of the experiment: kept in localStorage (never in a
// link), read when the page opens, written when it changes.

const KEY = 'pfp.wasmThreads';

/** The stored count, or null (automatic) when none is stored or storage is unavailable. */
export function readWasmThreads(storage: Pick<Storage, 'getItem'> | null): number | null {
  try {
    const n = Number(storage?.getItem(KEY));
    return Number.isInteger(n) && n >= 1 && n <= 256 ? n : null;
  } catch {
    return null;
  }
}

/** Writes the store's count whenever it changes (removing the key for "automatic"). */
export function persistWasmThreads(store: AppStore, storage: Pick<Storage, 'setItem' | 'removeItem'> | null): () => void {
  return store.subscribe((s, prev) => {
    if (s.wasmThreads === prev.wasmThreads) return;
    try {
      if (s.wasmThreads === null) storage?.removeItem(KEY);
      else storage?.setItem(KEY, String(s.wasmThreads));
    } catch {
      // Storage full or blocked: the setting holds for this page only.
    }
  });
}
