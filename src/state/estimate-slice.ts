import type { StateCreator } from 'zustand/vanilla';
import type { RunEstimate } from '../engine/contract/run-estimate';
import type { AppState } from './store';

/**
 * The current config's estimated run time (the worker's calibration, app/run-estimate-sync.ts): 'estimating' from the
 * moment the config changes, so an estimate of an older config is never shown as this one's.
 */
export type EstimateState = { status: 'none' } | { status: 'estimating' } | { status: 'ready'; value: RunEstimate } | { status: 'error'; message: string };

export interface EstimateSlice {
  estimate: EstimateState;
  estimateRequested: () => void;
  estimateReceived: (value: RunEstimate) => void;
  estimateFailed: (message: string) => void;
}

export const createEstimateSlice: StateCreator<AppState, [], [], EstimateSlice> = (set) => ({
  estimate: { status: 'none' },
  estimateRequested: () => set({ estimate: { status: 'estimating' } }),
  estimateReceived: (value) => set({ estimate: { status: 'ready', value } }),
  estimateFailed: (message) => set({ estimate: { status: 'error', message } }),
});

/** The estimate's seconds when one is known for the current config. */
export const estimatedSeconds = (s: Pick<AppState, 'estimate'>): number | null => (s.estimate.status === 'ready' ? s.estimate.value.seconds : null);
