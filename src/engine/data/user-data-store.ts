import { del, get, set } from 'idb-keyval';
import type { ImagesDataConfig } from '../contract/config';
import type { DataProgress } from '../contract/data-progress';
import { imageSources, type ImageSourceId } from '../contract/image-sources';
import type { UserDataSummary } from '../contract/user-data';
import { UserDataMissingError } from './images-dataset';
import type { FileEntry } from './sources/file-entry';
import type { ImageCollection } from './sources/image-collection';
import { loadImageSource } from './sources/load-image-source';
import type { ImageDecoder } from './sources/square-rgb';

// The worker's user data: decoded collections kept in memory and in IndexedDB on this device (keyed by source and
// side), so a reload or a shared link needing the same data does not ask for the files again. Nothing is uploaded.

interface Stored {
  summary: UserDataSummary;
  collection: ImageCollection;
}

export interface UserDataStore {
  load(source: ImageSourceId, side: number, files: FileEntry[], onProgress?: (p: DataProgress) => void): Promise<UserDataSummary>;
  /** The collection a config needs, from memory or this device's cache; UserDataMissingError when neither has it. */
  collection(cfg: ImagesDataConfig): Promise<ImageCollection>;
  list(): Promise<UserDataSummary[]>;
  forget(source: ImageSourceId): Promise<void>;
}

const key = (source: ImageSourceId, side: number) => `user-data:${source}:${side}`;
const INDEX = 'user-data:index';

async function sha256(files: FileEntry[]): Promise<string> {
  const parts = await Promise.all(files.map(async (f) => new Uint8Array(await crypto.subtle.digest('SHA-256', f.bytes as Uint8Array<ArrayBuffer>))));
  const all = new Uint8Array(parts.length * 32);
  parts.forEach((p, i) => all.set(p, i * 32));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', all));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function summarize(c: ImageCollection, hash: string, files: FileEntry[]): UserDataSummary {
  return {
    source: c.source,
    side: c.side,
    hash,
    read: c.report.read,
    skippedCount: c.report.skipped.length,
    skipped: c.report.skipped.slice(0, 50),
    counts: c.report.counts,
    ms: c.report.ms,
    files: files.slice(0, 5).map((f) => f.path),
  };
}

/** `persist` false keeps everything in memory (tests in Node, where there is no IndexedDB). */
export function createUserDataStore(decoder: (side: number) => ImageDecoder, persist = typeof indexedDB !== 'undefined'): UserDataStore {
  const memory = new Map<string, Stored>();
  /** What this worker holds under `k`, from memory or else this device's cache (then kept in memory). */
  const lookup = async (k: string): Promise<Stored | undefined> => {
    const stored = memory.get(k) ?? (persist ? await get<Stored>(k) : undefined);
    if (stored) memory.set(k, stored);
    return stored;
  };
  const index = async (): Promise<UserDataSummary[]> => (persist ? ((await get<UserDataSummary[]>(INDEX)) ?? []) : [...memory.values()].map((s) => s.summary));
  return {
    async load(source, side, files, onProgress) {
      const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : 1));
      const hash = await sha256(sorted);
      const known = await lookup(key(source, side));
      if (known && known.summary.hash === hash) return known.summary;
      const started = Date.now();
      const c = await loadImageSource(source, sorted, {
        side,
        decode: decoder(side),
        onProgress: (done, total) => onProgress?.({ source: imageSources[source].title, unit: 'files', done, total, bytes: 0, totalBytes: null, elapsedMs: Date.now() - started }),
      });
      const stored: Stored = { summary: summarize(c, hash, sorted), collection: c };
      memory.set(key(source, side), stored);
      if (persist) {
        await set(key(source, side), stored);
        await set(INDEX, [...(await index()).filter((s) => !(s.source === source && s.side === side)), stored.summary]);
      }
      return stored.summary;
    },
    async collection(cfg) {
      const stored = await lookup(key(cfg.source, cfg.side));
      if (!stored) throw new UserDataMissingError(cfg, `none is on this device yet at ${cfg.side} px: give the files on the data panel (Your files)`);
      return stored.collection;
    },
    list: index,
    async forget(source) {
      for (const k of [...memory.keys()]) if (k.startsWith(`user-data:${source}:`)) memory.delete(k);
      if (persist) {
        const all = await index();
        for (const s of all.filter((x) => x.source === source)) await del(key(s.source, s.side));
        await set(INDEX, all.filter((x) => x.source !== source));
      }
    },
  };
}
