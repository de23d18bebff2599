import type { Config } from '../engine/contract/config';
import type { DataProgress } from '../engine/contract/data-progress';
import type { DataSummary } from '../engine/contract/data-summary';
import type { DataShape, ModelSize } from '../engine/contract/model-size';
import { errorMessage } from '../engine/contract/events';
import type { EngineClient } from '../worker/client';

/** What the data panel shows: loading (with progress once the source reports any), the summary, or why not. */
export type DataPreviewState =
  | { status: 'loading'; progress: DataProgress | null }
  | { status: 'ready'; summary: DataSummary }
  | { status: 'error'; message: string };

export interface DataPreview {
  /**
   * Summarises config's data and tells `listener` each state. Only the latest request is told anything: editing the
   * config while a summary loads makes the older answer stale, and it is dropped.
   */
  request(config: Config, listener: (s: DataPreviewState) => void): void;
  /** The size of the model config builds on data of this shape (the summary's); null when the worker cannot say. */
  describeModel(config: Config, shape: DataShape): Promise<ModelSize | null>;
}

export function createDataPreview(client: Pick<EngineClient, 'summarizeData' | 'describeModel'>): DataPreview {
  let latest = 0;
  return {
    request(config, listener) {
      const ticket = ++latest;
      const tell = (s: DataPreviewState) => {
        if (ticket === latest) listener(s);
      };
      tell({ status: 'loading', progress: null });
      client.summarizeData(config, (progress) => tell({ status: 'loading', progress })).then(
        (summary) => tell({ status: 'ready', summary }),
        (e) => tell({ status: 'error', message: errorMessage(e) }),
      );
    },
    // A size is a hint beside the controls: a failure (an invalid config the controls already flag) shows nothing.
    describeModel: (config, shape) => client.describeModel(config, shape).catch(() => null),
  };
}
