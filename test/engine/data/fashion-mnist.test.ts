import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { configSchema, type ConfigInput } from '../../../src/engine/contract/config';
import { describeDataProgress, etaMs, type DataProgress } from '../../../src/engine/contract/data-progress';
import type { AssetLoader } from '../../../src/engine/data/asset-loader';
import { buildDataset } from '../../../src/engine/data/build-dataset';
import { groupSizes } from '../../../src/engine/data/dataset';
import { chunksFor, FASHION_CLASS_NAMES, FASHION_INDEX_ASSET, loadFashionMnist, parseFashionIndex } from '../../../src/engine/data/fashion-mnist';
import { nodeAssetLoader } from '../../../src/engine/data/node-assets';
import { encodeAsset } from './mnist-fixture';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const buildScript = path.join(repoRoot, 'scripts', 'build-fashion-mnist.mjs');
const enc = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;

/** A loader over the real asset that records which files were read. */
function countingLoader(): { load: AssetLoader; names: string[] } {
  const names: string[] = [];
  return { names, load: (name) => (names.push(name), nodeAssetLoader(name)) };
}

/** A fake asset: `chunks` chunks of 2x2 images, `perClass` of each of the 10 classes, pixel = chunk index. */
function fakeAsset(chunks: number, perClass: number, patch: (files: Map<string, ArrayBuffer>) => void = () => {}): AssetLoader {
  const files = new Map<string, ArrayBuffer>();
  const list = [];
  for (let j = 0; j < chunks; j++) {
    const labels = Uint8Array.from({ length: 10 * perClass }, (_, i) => Math.floor(i / perClass));
    const buf = encodeAsset(new Uint8Array(labels.length * 784).fill(j), labels, 28, 28, { magic: 'FMNC' });
    files.set(`c${j}.bin`, buf);
    list.push({ file: `c${j}.bin`, count: labels.length, bytes: buf.byteLength });
  }
  files.set(FASHION_INDEX_ASSET, enc(JSON.stringify({ version: 1, rows: 28, cols: 28, classNames: FASHION_CLASS_NAMES, chunks: list })));
  patch(files);
  return async (name) => {
    const f = files.get(name);
    if (!f) throw new Error(`no ${name}`);
    return f;
  };
}

describe('Fashion-MNIST chunks', () => {
  it('fetches only the chunks a sample size needs, reporting progress after each', async () => {
    const seen: string[] = [];
    const base = fakeAsset(5, 3);
    const events: DataProgress[] = [];
    let t = 0;
    const d = await loadFashionMnist(45, (n) => (seen.push(n), base(n)), (p) => events.push(p), () => (t += 10));
    // 30 images a chunk: 45 samples need 2 chunks, in index order.
    expect(seen.sort()).toEqual(['c0.bin', 'c1.bin', FASHION_INDEX_ASSET]);
    expect(d.labels.length).toBe(60);
    expect(groupSizes(d)).toEqual(new Array(10).fill(6));
    expect(d.images[0]).toBe(0);
    expect(d.images[30 * 784]).toBe(1);
    expect(d.groupNames).toEqual(FASHION_CLASS_NAMES);
    expect(events.map((e) => e.done)).toEqual([0, 1, 2]);
    expect(events.at(-1)?.bytes).toBe(events.at(-1)?.totalBytes);
    expect(etaMs(events[1])).toBeGreaterThan(0);
    expect(describeDataProgress(events[2])).toMatch(/Fashion-MNIST: 2 of 2 chunks .*done/);
  });

  it('rejects a bad index or a chunk that disagrees with it, naming the file', async () => {
    expect(() => parseFashionIndex(enc('{"version":1'))).toThrow(/fashion-mnist-index\.json: not JSON/);
    expect(() => parseFashionIndex(enc('{"version":2}'))).toThrow(/version 2/);
    expect(() => parseFashionIndex(enc(JSON.stringify({ version: 1, rows: 28, cols: 28, classNames: FASHION_CLASS_NAMES, chunks: [{ file: '../x', count: 1, bytes: 1 }] })))).toThrow(/plain file name/);
    const truncated = fakeAsset(2, 1, (f) => f.set('c1.bin', (f.get('c1.bin') as ArrayBuffer).slice(0, 100)));
    await expect(loadFashionMnist(20, truncated)).rejects.toThrow(/c1\.bin: truncated/);
    const miscounted = fakeAsset(1, 1, (f) => f.set('c0.bin', encodeAsset(new Uint8Array(784), Uint8Array.from([3]), 28, 28, { magic: 'FMNC' })));
    await expect(loadFashionMnist(5, miscounted)).rejects.toThrow(/c0\.bin: 1 images .* index says 10/);
  });

  it('builds a long-tailed train split over a balanced test split, classes as groups', async () => {
    const c = configSchema.parse({ data: { kind: 'fashion-mnist', samples: 500, longTail: 10, balancedTest: true }, testFraction: 0.2 } satisfies ConfigInput);
    const built = await buildDataset(c, 3, fakeAsset(6, 10));
    expect(built.testSizes).toEqual(new Array(10).fill(10));
    expect(Math.max(...built.trainSizes)).toBe(40);
    expect(Math.min(...built.trainSizes)).toBe(4);
    expect(built.name).toBe('Fashion-MNIST (long tail 10, balanced test)');
  });
});

describe('scripts/build-fashion-mnist.mjs and the real asset', () => {
  beforeAll(() => {
    // Builds it when missing (or older than its inputs); otherwise a no-op.
    const r = spawnSync(process.execPath, [buildScript, '--strict'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  }, 60_000);

  it('holds 70,000 images in 70 balanced chunks; 2,500 samples read the index and 3 chunks', async () => {
    const index = parseFashionIndex(await nodeAssetLoader(FASHION_INDEX_ASSET));
    expect(index.total).toBe(70000);
    expect(index.chunks).toHaveLength(70);
    expect(chunksFor(index, 70000)).toHaveLength(70);
    const { load, names } = countingLoader();
    const d = await loadFashionMnist(2500, load);
    expect(names).toEqual([FASHION_INDEX_ASSET, 'fashion-mnist-00.bin', 'fashion-mnist-01.bin', 'fashion-mnist-02.bin']);
    expect(groupSizes(d)).toEqual(new Array(10).fill(300));
    let max = 0;
    for (const v of d.images) max = Math.max(max, v);
    expect(max).toBe(255);
  });

  it('does not fail an install when the package is missing (warns, exit 0; exit 1 with --strict)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fmnist-missing-'));
    try {
      await mkdir(path.join(dir, 'scripts'));
      for (const f of ['build-fashion-mnist.mjs', 'asset-build.mjs']) await copyFile(path.join(repoRoot, 'scripts', f), path.join(dir, 'scripts', f));
      const script = path.join(dir, 'scripts', 'build-fashion-mnist.mjs');
      const lenient = spawnSync(process.execPath, [script], { encoding: 'utf8', cwd: dir });
      expect(lenient.status).toBe(0);
      expect(lenient.stderr).toMatch(/WARNING.*"fashion-mnist" is not installed/);
      expect(existsSync(path.join(dir, 'public', 'data', FASHION_INDEX_ASSET))).toBe(false);
      expect(spawnSync(process.execPath, [script, '--strict'], { encoding: 'utf8', cwd: dir }).status).toBe(1);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});
