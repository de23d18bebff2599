import type { StateCreator } from 'zustand/vanilla';
import type { EngineEvent, RunPhase } from '../engine/contract/events';
import type { Results } from '../engine/contract/results';
import type { AppState } from './store';

export type RunStatus = 'idle' | 'starting' | 'running' | 'cancelling' | 'complete' | 'cancelled' | 'failed' | 'crashed';

export interface BackendState {
  status: 'unknown' | 'probing' | 'ready' | 'error';
  name: string | null;
  fallbackReason: string | null;
  error: string | null;
}

export interface RunSlice {
  run: {
    status: RunStatus;
    id: number | null;
    phase: RunPhase | null;
    /** Fraction of the sweep done, [0, 1]. */
    fraction: number;
    message: string;
    startedAt: number | null;
    /** When `fraction` was last updated (ETA). */
    updatedAt: number | null;
    error: string | null;
  };
  backend: BackendState;
  runStarted: (id: number, now: number) => void;
  progressReceived: (e: Extract<EngineEvent, { type: 'progress' }>, now: number) => void;
  runFinished: (results: Results) => void;
  runFailed: (status: 'failed' | 'crashed', message: string) => void;
  cancelRequested: () => void;
  backendProbing: () => void;
  backendChosen: (b: { name: string; fallbackReason: string | null }) => void;
  backendFailed: (message: string) => void;
}

const idleRun: RunSlice['run'] = { status: 'idle', id: null, phase: null, fraction: 0, message: '', startedAt: null, updatedAt: null, error: null };

export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = (set, get) => ({
  run: idleRun,
  backend: { status: 'unknown', name: null, fallbackReason: null, error: null },
  runStarted: (id, now) => set({ run: { ...idleRun, status: 'starting', id, startedAt: now, updatedAt: now, message: 'starting the engine' } }),
  progressReceived: (e, now) => {
    const run = get().run;
    if (run.status !== 'starting' && run.status !== 'running') return;
    set({ run: { ...run, status: 'running', phase: e.phase, fraction: e.fraction, message: e.message, updatedAt: now } });
  },
  runFinished: (results) => {
    const run = get().run;
    set({ run: { ...run, status: results.status, fraction: results.status === 'complete' ? 1 : run.fraction, phase: 'done', error: results.error } });
  },
  runFailed: (status, message) => set({ run: { ...get().run, status, error: message } }),
  cancelRequested: () => {
    const run = get().run;
    if (run.status === 'starting' || run.status === 'running') set({ run: { ...run, status: 'cancelling', message: 'cancelling…' } });
  },
  backendProbing: () => set({ backend: { ...get().backend, status: 'probing' } }),
  backendChosen: (b) => set({ backend: { status: 'ready', name: b.name, fallbackReason: b.fallbackReason, error: null } }),
  backendFailed: (message) => set({ backend: { status: 'error', name: null, fallbackReason: null, error: message } }),
});
