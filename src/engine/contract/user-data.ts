import type { ImageSourceId } from './image-sources';

// What the page knows of the user data decoded in its worker (and cached on this device): enough to show what was
// read and to tell whether a config's data is here. The pixels never leave the worker.

export interface UserDataSummary {
  source: ImageSourceId;
  side: number;
  /** SHA-256 of the files given, in path order: the same files again are not decoded again. */
  hash: string;
  read: number;
  skippedCount: number;
  /** The first skipped files with their reasons. */
  skipped: Array<{ path: string; reason: string }>;
  /** Images per value of the source's first two attributes ("White × Male" → 120). */
  counts: Record<string, number>;
  ms: number;
  /** File names given (the first few), to say what this data is. */
  files: string[];
}

/** Whether the data a config of kind 'images' needs is among `have`. */
export const userDataPresent = (have: UserDataSummary[], source: ImageSourceId, side: number): boolean =>
  have.some((s) => s.source === source && s.side === side && s.read > 0);
