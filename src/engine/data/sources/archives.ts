import { gunzipSync, unzipSync } from 'fflate';
import { untar } from './tar';
import type { FileEntry, SkippedFile } from './file-entry';

// Opens the archives among the files a user gave (UTKFace.tar.gz, crop_part1.tar.gz, a zip of them, CIFAR-10's
// cifar-10-binary.tar.gz), archives inside archives too, so every loader sees plain files. A damaged archive is
// skipped and reported; the other files still load.

const MAX_DEPTH = 3;

function open(entry: FileEntry): FileEntry[] | null {
  const lower = entry.path.toLowerCase();
  const inside = (files: FileEntry[]) => files.map((f) => ({ path: `${entry.path}/${f.path}`, bytes: f.bytes }));
  if (lower.endsWith('.tar.gz') || lower.endsWith('.tgz')) return inside(untar(gunzip(entry), entry.path));
  if (lower.endsWith('.tar')) return inside(untar(entry.bytes, entry.path));
  if (lower.endsWith('.gz')) return [{ path: entry.path.slice(0, -3), bytes: gunzip(entry) }];
  if (lower.endsWith('.zip')) {
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(entry.bytes);
    } catch (e) {
      throw new Error(`${entry.path}: not a zip archive, or damaged (${e instanceof Error ? e.message : String(e)})`, { cause: e });
    }
    return inside(Object.entries(files).filter(([p]) => !p.endsWith('/')).map(([path, bytes]) => ({ path, bytes })));
  }
  return null;
}

function gunzip(entry: FileEntry): Uint8Array {
  try {
    return gunzipSync(entry.bytes);
  } catch (e) {
    throw new Error(`${entry.path}: not gzip data, or damaged (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
}

/** The plain files among `entries`, archives opened (up to 3 deep); damaged archives go to `skipped`. */
export function expandArchives(entries: FileEntry[], skipped: SkippedFile[], depth = 0): FileEntry[] {
  return entries.flatMap((entry) => {
    let inner: FileEntry[] | null;
    try {
      inner = depth < MAX_DEPTH ? open(entry) : null;
    } catch (e) {
      skipped.push({ path: entry.path, reason: e instanceof Error ? e.message : String(e) });
      return [];
    }
    return inner ? expandArchives(inner, skipped, depth + 1) : [entry];
  });
}
