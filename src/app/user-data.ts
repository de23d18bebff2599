import type { DataProgress } from '../engine/contract/data-progress';
import type { ImageSourceId } from '../engine/contract/image-sources';
import { runError, runStatus } from '../state/run-slice';
import type { AppStore } from '../state/store';
import type { EngineClient } from '../worker/client';

/** A file the user gave, with its path inside a dropped or picked folder. */
export interface GivenFile {
  path: string;
  file: Blob;
}

export interface UserDataService {
  /** Reads the files (on this device), has the worker decode them, and stores what it now holds. */
  give(source: ImageSourceId, side: number, files: GivenFile[], onProgress?: (p: DataProgress) => void): Promise<void>;
  forget(source: ImageSourceId): Promise<void>;
  /** Asks the worker what this device holds (at start, after a reload). */
  refresh(): Promise<void>;
}

/**
 * `rerun` is called when files arrive after a run failed for want of them (a shared link with autorun opened on a
 * device without the data): the link said which files to give, and now it runs.
 */
export function createUserData(store: AppStore, client: Pick<EngineClient, 'loadUserData' | 'listUserData' | 'forgetUserData'>, rerun: () => void = () => {}): UserDataService {
  const keep = (list: Awaited<ReturnType<EngineClient['listUserData']>>) => store.getState().setUserData(list);
  return {
    async give(source, side, files, onProgress) {
      const read = await Promise.all(files.map(async (f) => ({ path: f.path, bytes: await f.file.arrayBuffer() })));
      keep(await client.loadUserData(source, side, read, onProgress));
      const s = store.getState();
      if (runStatus(s) === 'failed' && /this config needs .* data/.test(runError(s) ?? '')) rerun();
    },
    async forget(source) {
      keep(await client.forgetUserData(source));
    },
    async refresh() {
      keep(await client.listUserData());
    },
  };
}
