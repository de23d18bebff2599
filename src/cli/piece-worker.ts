// One parallel job of `--jobs N`: a worker thread with its own tfjs engine that runs its share of the sweep's pieces
// and posts the progress events and the partial Results back (parallel-run.ts joins them). tfjs-wasm is
// single-threaded in Node, so separate engines in separate threads are how the CLI uses every core.

import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage, type EngineEvent } from '../engine/contract/events';
import type { Results } from '../engine/contract/results';
import { runPieces, type PieceJob } from './run-pieces';

export type PieceWorkerMessage =
  | { type: 'event'; event: EngineEvent }
  | { type: 'done'; results: Results }
  | { type: 'error'; message: string };

async function run(job: PieceJob): Promise<void> {
  const post = (m: PieceWorkerMessage) => parentPort?.postMessage(m);
  const controller = new AbortController();
  parentPort?.on('message', (m) => m === 'cancel' && controller.abort());
  try {
    const results = await runPieces(job, controller.signal, (event) => event.type === 'progress' && post({ type: 'event', event }));
    post({ type: 'done', results });
  } catch (e) {
    post({ type: 'error', message: errorMessage(e) });
  }
}

void run(workerData as PieceJob);
