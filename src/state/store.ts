import { createStore, type StoreApi } from 'zustand/vanilla';
import { createConfigSlice, type ConfigSlice } from './config-slice';
import { createEstimateSlice, type EstimateSlice } from './estimate-slice';
import { createResultsSlice, type ResultsSlice } from './results-slice';
import { createRunSlice, type RunSlice } from './run-slice';
import { createViewSlice, type ViewSlice } from './view-slice';

export type AppState = ConfigSlice & RunSlice & ResultsSlice & ViewSlice & EstimateSlice;
export type AppStore = StoreApi<AppState>;

/** A fresh store (one per page, one per test: no module-level state to reset). */
export function createAppStore(init: Partial<Pick<AppState, 'config' | 'presenter' | 'selectedRate' | 'wasmThreads'>> = {}): AppStore {
  const store = createStore<AppState>()((...a) => ({
    ...createConfigSlice(...a),
    ...createRunSlice(...a),
    ...createResultsSlice(...a),
    ...createViewSlice(...a),
    ...createEstimateSlice(...a),
  }));
  if (Object.keys(init).length > 0) store.setState(init);
  return store;
}
