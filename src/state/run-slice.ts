import type { StateCreator } from 'zustand/vanilla';
import type { EngineEvent, RunPhase } from '../engine/contract/events';
import { estimatedSeconds } from './estimate-slice';
import type { AppState } from './store';

/** Where the run is, as the page shows it: a finished run's outcome is its Results' status. */
export type RunStatus = 'idle' | 'starting' | 'running' | 'cancelling' | 'complete' | 'cancelled' | 'failed' | 'crashed';

/**
 * What the run slice itself records. 'finished': final Results arrived, and they say how it ended (runStatus);
 * 'failed' and 'crashed' here are failures outside the engine (a rejected request, a worker that died).
 */
type RunLifecycle = 'idle' | 'starting' | 'running' | 'cancelling' | 'finished' | 'failed' | 'crashed';

export interface BackendState {
  status: 'unknown' | 'probing' | 'ready' | 'error';
  name: string | null;
  fallbackReason: string | null;
  /** Threads of the wasm backend; null on other backends or before one is chosen. */
  threads: number | null;
  /** Whether a helper worker computes part of λ(H_a) beside the engine. */
  hessianHelper: boolean;
  error: string | null;
}

export interface RunSlice {
  run: {
    status: RunLifecycle;
    phase: RunPhase | null;
    /** Fraction of the sweep done, [0, 1]. */
    fraction: number;
    message: string;
    startedAt: number | null;
    /** When `fraction` was last updated (ETA). */
    updatedAt: number | null;
    /** A failure outside the engine; a finished run's error is in its Results. */
    error: string | null;
    /** The run's estimated seconds when it started (the ETA before progress says more); null when none was known. */
    expectedSeconds: number | null;
  };
  backend: BackendState;
  runStarted: (now: number) => void;
  progressReceived: (e: Extract<EngineEvent, { type: 'progress' }>, now: number) => void;
  runFailed: (status: 'failed' | 'crashed', message: string) => void;
  cancelRequested: () => void;
  backendProbing: () => void;
  backendChosen: (b: { name: string; fallbackReason: string | null; threads?: number; hessianHelper?: boolean }) => void;
  backendFailed: (message: string) => void;
}

const idleRun: RunSlice['run'] = { status: 'idle', phase: null, fraction: 0, message: '', startedAt: null, updatedAt: null, error: null, expectedSeconds: null };

export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = (set, get) => ({
  run: idleRun,
  backend: { status: 'unknown', name: null, fallbackReason: null, threads: null, hessianHelper: false, error: null },
  runStarted: (now) => set({ run: { ...idleRun, status: 'starting', startedAt: now, updatedAt: now, message: 'starting the engine', expectedSeconds: estimatedSeconds(get()) } }),
  progressReceived: (e, now) => {
    const run = get().run;
    if (run.status !== 'starting' && run.status !== 'running') return;
    set({ run: { ...run, status: 'running', phase: e.phase, fraction: e.fraction, message: e.message, updatedAt: now } });
  },
  runFailed: (status, message) => set({ run: { ...get().run, status, error: message } }),
  cancelRequested: () => {
    const run = get().run;
    if (run.status === 'starting' || run.status === 'running') set({ run: { ...run, status: 'cancelling', message: 'cancelling…' } });
  },
  backendProbing: () => set({ backend: { ...get().backend, status: 'probing' } }),
  backendChosen: (b) => set({ backend: { status: 'ready', name: b.name, fallbackReason: b.fallbackReason, threads: b.threads ?? null, hessianHelper: b.hessianHelper ?? false, error: null } }),
  backendFailed: (message) => set({ backend: { status: 'error', name: null, fallbackReason: null, threads: null, hessianHelper: false, error: message } }),
});

/** The run's status as the page shows it: a finished run's outcome is read from its Results, not copied. */
export const runStatus = (s: Pick<AppState, 'run' | 'results'>): RunStatus =>
  s.run.status === 'finished' ? (s.results?.status ?? 'complete') : s.run.status;

/** The run's error: a failure outside the engine, else the finished Results' error. */
export const runError = (s: Pick<AppState, 'run' | 'results'>): string | null =>
  s.run.status === 'finished' ? (s.results?.error ?? null) : s.run.error;

/** Fraction done: a complete run is done whatever its last progress event said. */
export const runFraction = (s: Pick<AppState, 'run' | 'results'>): number => (runStatus(s) === 'complete' ? 1 : s.run.fraction);

/** Below this fraction done the elapsed time says little about the rest: the estimate made before Run speaks instead. */
const ETA_FROM_PROGRESS = 0.03;

/**
 * Milliseconds left while a run is active: the elapsed time scaled by what is left once a few percent are done, and
 * before that the estimate made before Run less the time already spent; null when neither is known.
 */
export function runEtaMs(s: Pick<AppState, 'run' | 'results'>): number | null {
  const status = runStatus(s);
  if (status !== 'starting' && status !== 'running' && status !== 'cancelling') return null;
  const { fraction, startedAt, updatedAt, expectedSeconds } = s.run;
  const elapsed = (updatedAt ?? 0) - (startedAt ?? 0);
  if (fraction > ETA_FROM_PROGRESS) return (elapsed * (1 - fraction)) / fraction;
  return expectedSeconds === null ? null : Math.max(0, expectedSeconds * 1000 - elapsed);
}

/** A run holds the charts: starting, running or being cancelled. */
export const isRunning = (status: RunStatus): boolean => status === 'starting' || status === 'running' || status === 'cancelling';
