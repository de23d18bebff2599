import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ImagesDataConfig } from '../contract/config';
import { UserDataMissingError, type ImageCollectionLoader } from './images-dataset';
import { nodeImageDecoder } from './node-image-decoder';
import type { FileEntry } from './sources/file-entry';
import type { ImageCollection } from './sources/image-collection';
import { loadImageSource } from './sources/load-image-source';

/** Every file under `dir` (hidden files and folders passed over), as the loaders read them. */
export async function readFolder(dir: string): Promise<FileEntry[]> {
  const out: FileEntry[] = [];
  const walk = async (at: string): Promise<void> => {
    for (const e of await readdir(at, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const full = join(at, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile()) out.push({ path: relative(dir, full).split(sep).join('/'), bytes: new Uint8Array(await readFile(full)) });
    }
  };
  await walk(dir);
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * The CLI's loader of user data: reads the config's dataDir (a folder of archives or images), decodes once per
 * source, side and folder, and hands each collection to `onLoaded` (the CLI prints what was read and skipped).
 */
export function nodeImageLoader(onLoaded?: (c: ImageCollection, dir: string) => void): ImageCollectionLoader {
  const cache = new Map<string, Promise<ImageCollection>>();
  return (cfg: ImagesDataConfig) => {
    const dir = cfg.dataDir;
    if (!dir) return Promise.reject(new UserDataMissingError(cfg, 'give the folder with --data-dir DIR (or data.dataDir in the config file)'));
    const key = `${cfg.source}|${cfg.side}|${dir}`;
    let p = cache.get(key);
    if (!p) {
      p = (async () => {
        const info = await stat(dir).catch(() => null);
        if (!info?.isDirectory()) throw new UserDataMissingError(cfg, `--data-dir ${dir} is not a folder`);
        const c = await loadImageSource(cfg.source, await readFolder(dir), { side: cfg.side, decode: nodeImageDecoder });
        onLoaded?.(c, dir);
        return c;
      })();
      cache.set(key, p);
    }
    return p;
  };
}
