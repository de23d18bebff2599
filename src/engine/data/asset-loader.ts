// How the engine gets binary assets (the MNIST digits, Fashion-MNIST's chunks) without knowing where it runs: the runner is handed a
// loader. Node uses nodeAssetLoader (node-assets.ts); the browser and the worker use fetchAssetLoader.

export type AssetLoader = (name: string) => Promise<ArrayBuffer>;

/** The asset is not there: the message says how to build it. */
export class AssetMissingError extends Error {
  constructor(
    public readonly asset: string,
    message: string,
  ) {
    super(message);
    this.name = 'AssetMissingError';
  }
}

/** Both shipped data sets are built at install; the hint names the script of the asset that is missing. */
const buildHint = (name: string) => `run \`npm install\` (or \`node scripts/${name.startsWith('fashion-mnist') ? 'build-fashion-mnist' : 'build-mnist'}.mjs\`) to build it`;

/** Asset names are plain file names: no folders, so a config can never reach outside the data folder. */
export function checkAssetName(name: string): void {
  if (!/^[\w][\w.-]*$/.test(name)) throw new Error(`bad asset name "${name}": expected a plain file name`);
}

/**
 * Fetches <baseUrl>/<name>. Pass an absolute base inside a worker (relative URLs resolve against the worker's
 * script), e.g. new URL(`${import.meta.env.BASE_URL}data/`, self.location.origin).href.
 */
export function fetchAssetLoader(baseUrl: string): AssetLoader {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return async (name) => {
    checkAssetName(name);
    const url = `${base}${name}`;
    let res: Response;
    try {
      res = await fetch(url);
    } catch (err) {
      throw new Error(`could not fetch the data asset ${url}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    // A dev server with an SPA fallback answers a missing file with index.html and status 200.
    const html = (res.headers.get('content-type') ?? '').includes('text/html');
    if (res.status === 404 || (res.ok && html)) {
      throw new AssetMissingError(name, `the data asset ${url} is missing on the server: ${buildHint(name)} before serving (public/data is generated, not committed)`);
    }
    if (!res.ok) throw new Error(`could not fetch the data asset ${url}: HTTP ${res.status} ${res.statusText}`);
    return res.arrayBuffer();
  };
}

/** Wraps a loader so each asset is read once per wrapper (runs over several seeds reuse the bytes). */
export function cachingAssetLoader(loader: AssetLoader): AssetLoader {
  const cache = new Map<string, Promise<ArrayBuffer>>();
  return (name) => {
    let p = cache.get(name);
    if (p === undefined) {
      p = loader(name);
      cache.set(name, p);
      // A failed read is not cached, so building the asset and retrying works without a reload.
      p.catch(() => cache.delete(name));
    }
    return p;
  };
}

export { buildHint as assetBuildHint };
