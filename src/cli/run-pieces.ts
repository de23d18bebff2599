import { initBackend, type BackendChoice } from '../engine/backend';
import type { Config } from '../engine/contract/config';
import type { EngineEvent } from '../engine/contract/events';
import type { Results } from '../engine/contract/results';
import { nodeAssetLoader } from '../engine/data/node-assets';
import { nodeImageLoader } from '../engine/data/node-image-loader';
import { runExperiment } from '../engine/experiment/run-experiment';
import type { SweepPiece } from '../engine/experiment/sweep-pieces';
import { formatLoadReport } from './load-report';
import { saveModel, saveSplits } from './save-models';

/** A share of a sweep's pieces for one engine: the CLI's only one, or one worker thread of --jobs. */
export interface PieceJob {
  config: Config;
  pieces: SweepPiece[];
  /** Where --save-models writes; null when not saving. */
  saveTo: string | null;
  /**
   * Whether this job saves the data splits and prints what user data it read: one job does, so no two threads write
   * the same files or print the same report.
   */
  saveSplits: boolean;
}

/** Runs a job's pieces on this thread's engine (chosen here), with the CLI's loaders and savers. */
export async function runPieces(job: PieceJob, signal: AbortSignal, onEvent?: (e: EngineEvent) => void, onBackend?: (b: BackendChoice) => void): Promise<Results> {
  const { config, saveTo } = job;
  const backend = await initBackend(config.backend === 'auto' ? 'wasm' : config.backend);
  onBackend?.(backend);
  return runExperiment(config, {
    loadAsset: nodeAssetLoader,
    backend,
    signal,
    pieces: job.pieces,
    onEvent,
    // Every job decodes the user data itself (threads share no memory).
    loadImages: nodeImageLoader((c, dir) => job.saveSplits && process.stderr.write(formatLoadReport(c, dir))),
    onData: saveTo && job.saveSplits ? (split) => saveSplits(saveTo, split) : undefined,
    onModel: saveTo ? (m) => saveModel(saveTo, m) : undefined,
  });
}
