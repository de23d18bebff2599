// One parallel job of `--jobs N`: a worker thread with its own tfjs engine that runs its share of the sweep's pieces
// and posts the progress events and the partial Results back (parallel-run.ts joins them). tfjs-wasm is
// single-threaded in Node, so separate engines in separate threads are how the CLI uses every core.

import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../engine/contract/config';
import { errorMessage, type EngineEvent } from '../engine/contract/events';
import type { Results } from '../engine/contract/results';
import { initBackend } from '../engine/backend';
import { nodeAssetLoader } from '../engine/data/node-assets';
import { nodeImageLoader } from '../engine/data/node-image-loader';
import { runExperiment } from '../engine/experiment/run-experiment';
import type { SweepPiece } from '../engine/experiment/sweep-pieces';
import { formatLoadReport } from './load-report';
import { saveModel, saveSplits } from './save-models';

export interface PieceJob {
  config: Config;
  pieces: SweepPiece[];
  /** Where --save-models writes; null when not saving. */
  saveTo: string | null;
  /** Whether this job also saves the data splits (one job does, so no two threads write the same files). */
  saveSplits: boolean;
}

export type PieceWorkerMessage =
  | { type: 'event'; event: EngineEvent }
  | { type: 'done'; results: Results }
  | { type: 'error'; message: string };

async function run(job: PieceJob): Promise<void> {
  const post = (m: PieceWorkerMessage) => parentPort?.postMessage(m);
  const controller = new AbortController();
  parentPort?.on('message', (m) => m === 'cancel' && controller.abort());
  try {
    const backend = await initBackend(job.config.backend === 'auto' ? 'wasm' : job.config.backend);
    const { saveTo } = job;
    const results = await runExperiment(job.config, {
      loadAsset: nodeAssetLoader,
      backend,
      signal: controller.signal,
      pieces: job.pieces,
      // Every job decodes the user data itself (threads share no memory); only the first prints what it read.
      loadImages: nodeImageLoader((c, dir) => job.saveSplits && process.stderr.write(formatLoadReport(c, dir))),
      onEvent: (event) => event.type === 'progress' && post({ type: 'event', event }),
      onData: saveTo && job.saveSplits ? (split) => saveSplits(saveTo, split) : undefined,
      onModel: saveTo ? (m) => saveModel(saveTo, m) : undefined,
    });
    post({ type: 'done', results });
  } catch (e) {
    post({ type: 'error', message: errorMessage(e) });
  }
}

void run(workerData as PieceJob);
