import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AssetMissingError, cachingAssetLoader, fetchAssetLoader } from '../../../src/engine/data/asset-loader';
import { MNIST_ASSET } from '../../../src/engine/data/mnist';
import { createNodeAssetLoader } from '../../../src/engine/data/node-assets';

/** Any small bytes: the loaders never look inside an asset. */
const someBytes = (): ArrayBuffer => Uint8Array.from([1, 2, 3, 4, 5]).buffer;

describe('asset loaders', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('the Node loader says how to build a missing asset', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'assets-'));
    try {
      const load = createNodeAssetLoader(pathToFileURL(`${dir}/`));
      const err = await load(MNIST_ASSET).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AssetMissingError);
      expect((err as Error).message).toMatch(/npm install/);
      expect((err as Error).message).toMatch(/build-mnist/);
      await expect(load('fashion-mnist-index.json')).rejects.toThrow(/fashion-mnist-index\.json is missing: .*build-fashion-mnist\.mjs/);
      await expect(load('../package.json')).rejects.toThrow(/bad asset name/);
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('the fetch loader reads bytes and reports a 404 or an SPA fallback page as missing', async () => {
    const bytes = someBytes();
    const responses: Record<string, Response> = {
      'http://x/data/ok.bin': new Response(bytes, { status: 200, headers: { 'content-type': 'application/octet-stream' } }),
      'http://x/data/gone.bin': new Response('no', { status: 404 }),
      'http://x/data/spa.bin': new Response('<html></html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    };
    const fetchMock = vi.fn(async (url: string) => responses[url]);
    vi.stubGlobal('fetch', fetchMock);
    const load = fetchAssetLoader('http://x/data');
    expect(new Uint8Array(await load('ok.bin'))).toEqual(new Uint8Array(bytes));
    await expect(load('gone.bin')).rejects.toBeInstanceOf(AssetMissingError);
    await expect(load('spa.bin')).rejects.toThrow(/npm install/);
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('the caching loader reads each asset once but retries a failure', async () => {
    let calls = 0;
    const load = cachingAssetLoader(async () => {
      calls++;
      if (calls === 1) throw new Error('not yet');
      return new ArrayBuffer(4);
    });
    await expect(load('a')).rejects.toThrow('not yet');
    await load('a');
    await load('a');
    expect(calls).toBe(2);
  });
});
