// Node's asset loader: reads public/data/<name> of this repository. node:fs is imported lazily so that this module
// still bundles for the browser (where it is never called).

import { AssetMissingError, assetBuildHint, checkAssetName, type AssetLoader } from './asset-loader';

// Not a literal inside new URL(): bundlers would try to turn it into a build-time asset.
const PUBLIC_DATA_FROM_HERE = '../../../public/data/';

/** public/data/ of the repository, located from this file (src/engine/data/). */
export const NODE_ASSET_DIR = new URL(PUBLIC_DATA_FROM_HERE, import.meta.url);

/** A loader over another folder (a file: URL ending in '/'), e.g. for tests. */
export function createNodeAssetLoader(dir: URL = NODE_ASSET_DIR): AssetLoader {
  return async (name) => {
    checkAssetName(name);
    const { readFile } = await import('node:fs/promises');
    const file = new URL(name, dir);
    let buf: Uint8Array;
    try {
      buf = await readFile(file);
    } catch (err) {
      if ((err as { code?: string }).code === 'ENOENT') {
        throw new AssetMissingError(name, `the data asset ${decodeURIComponent(file.pathname)} is missing: ${assetBuildHint(name)}`);
      }
      throw err;
    }
    // A Buffer may be a view into a larger pool: hand out exactly its bytes.
    return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  };
}

export const nodeAssetLoader: AssetLoader = createNodeAssetLoader();
