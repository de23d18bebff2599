import type { Config } from '../contract/config';
import type { Calibration, RunEstimate } from '../contract/run-estimate';
import type { AssetLoader } from '../data/asset-loader';
import { buildDataset } from '../data/build-dataset';
import type { ImageCollectionLoader } from '../data/images-dataset';
import { calibrate, calibrationKey } from './calibrate';
import { estimateRun } from './estimate-run';
import { modelSpecFor } from './model-spec';

export interface RunEstimator {
  /**
   * The run's estimated time on `backend` (the backend in use, already initialised). An abort through `signal` stops
   * a calibration between two batches (it throws; nothing is kept, the next estimate calibrates afresh).
   */
  estimate(config: Config, backend: string, signal?: AbortSignal): Promise<RunEstimate>;
}

/**
 * Estimates runs from calibrations kept by calibrationKey: the first estimate of a model, data and backend builds the
 * data set and times a few steps; an edit of epochs, rates, modes or seeds then re-estimates at once.
 */
export function createRunEstimator(loadAsset: AssetLoader, loadImages?: ImageCollectionLoader): RunEstimator {
  const calibrations = new Map<string, Calibration>();
  return {
    async estimate(config, backend, signal) {
      const key = calibrationKey(config, backend);
      let cal = calibrations.get(key);
      if (!cal) {
        const t0 = Date.now();
        const { split } = await buildDataset(config, config.seed, loadAsset, undefined, loadImages);
        cal = { ...(await calibrate(config, modelSpecFor(config, split.train), split, backend, signal)), ms: Date.now() - t0 };
        calibrations.set(key, cal);
      }
      return estimateRun(config, cal);
    },
  };
}
