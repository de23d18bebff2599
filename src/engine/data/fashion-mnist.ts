// The shipped Fashion-MNIST clothes: an index and 1,000-image stratified chunks built by
// scripts/build-fashion-mnist.mjs (docs/formats.md). A config asking for N samples fetches only the first
// ceil(N/1000) chunks; each chunk holds 100 images of every class, so those chunks are a balanced sample.
// As in the paper's CIFAR-10/SVHN experiments, the group attribute of an image is its class.

import type { DataProgress } from '../contract/data-progress';
import type { AssetLoader } from './asset-loader';
import type { Dataset } from './dataset';
import { checkAssetName } from './asset-loader';
import { parseLabelledImages } from './labelled-images';

export const FASHION_INDEX_ASSET = 'fashion-mnist-index.json';
export const FASHION_CHUNK_MAGIC = 'FMNC';
export const FASHION_VERSION = 1;
export const FASHION_CLASS_NAMES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];
const FIX = 'rebuild it with `node scripts/build-fashion-mnist.mjs --force`';
/** Chunks fetched at once: enough to keep a connection busy, few enough that progress moves steadily. */
const CONCURRENCY = 4;

export interface FashionChunk {
  file: string;
  count: number;
  bytes: number;
}

export interface FashionIndex {
  rows: number;
  cols: number;
  total: number;
  chunks: FashionChunk[];
}

/** Reads and checks the index; a bad one says what is wrong and how to rebuild it. */
export function parseFashionIndex(buf: ArrayBuffer): FashionIndex {
  const fail = (why: string): never => {
    throw new Error(`bad data asset ${FASHION_INDEX_ASSET}: ${why}; ${FIX}`);
  };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(buf));
  } catch {
    return fail('not JSON');
  }
  const o = json as { version?: unknown; rows?: unknown; cols?: unknown; classNames?: unknown; chunks?: unknown };
  if (o === null || typeof o !== 'object') fail('not an object');
  if (o.version !== FASHION_VERSION) fail(`version ${String(o.version)}, expected ${FASHION_VERSION}`);
  if (o.rows !== 28 || o.cols !== 28) fail(`images of ${String(o.rows)}x${String(o.cols)}, expected 28x28`);
  if (!Array.isArray(o.classNames) || o.classNames.length !== FASHION_CLASS_NAMES.length) fail(`expected ${FASHION_CLASS_NAMES.length} class names`);
  if (!Array.isArray(o.chunks) || o.chunks.length === 0) fail('no chunks listed');
  const chunks = (o.chunks as unknown[]).map((c, j): FashionChunk => {
    const { file, count, bytes } = (c ?? {}) as { file?: unknown; count?: unknown; bytes?: unknown };
    if (typeof file !== 'string' || !Number.isInteger(count) || !Number.isInteger(bytes) || (count as number) <= 0) fail(`chunk ${j} is not { file, count, bytes }`);
    checkAssetName(file as string);
    return { file: file as string, count: count as number, bytes: bytes as number };
  });
  return { rows: 28, cols: 28, total: chunks.reduce((s, c) => s + c.count, 0), chunks };
}

/** The first chunks holding at least `samples` images (all of them when it asks for more than there are). */
export function chunksFor(index: FashionIndex, samples: number): FashionChunk[] {
  const out: FashionChunk[] = [];
  let n = 0;
  for (const c of index.chunks) {
    if (n >= samples) break;
    out.push(c);
    n += c.count;
  }
  return out;
}

/**
 * Loads the chunks `samples` needs (in index order, whatever order they arrive in), reporting progress after each.
 * The result has at least `samples` images (fewer only when the asset has fewer); the caller subsamples.
 */
export async function loadFashionMnist(samples: number, loadAsset: AssetLoader, onProgress?: (p: DataProgress) => void, now: () => number = () => performance.now()): Promise<Dataset> {
  const started = now();
  const index = parseFashionIndex(await loadAsset(FASHION_INDEX_ASSET));
  const wanted = chunksFor(index, samples);
  const totalBytes = wanted.reduce((s, c) => s + c.bytes, 0);
  const parts: Array<{ images: Uint8Array; labels: Int32Array } | undefined> = new Array(wanted.length);
  let done = 0;
  let bytes = 0;
  const report = () => onProgress?.({ source: 'Fashion-MNIST', unit: 'chunks', done, total: wanted.length, bytes, totalBytes, elapsedMs: now() - started });
  report();
  let next = 0;
  const worker = async () => {
    while (next < wanted.length) {
      const j = next++;
      const buf = await loadAsset(wanted[j].file);
      const { rows, cols, images, labels } = parseLabelledImages(buf, { asset: wanted[j].file, magic: FASHION_CHUNK_MAGIC, version: FASHION_VERSION, numClasses: FASHION_CLASS_NAMES.length, fix: FIX });
      if (rows !== index.rows || cols !== index.cols || labels.length !== wanted[j].count) {
        throw new Error(`bad data asset ${wanted[j].file}: ${labels.length} images of ${rows}x${cols}, the index says ${wanted[j].count} of ${index.rows}x${index.cols}; ${FIX}`);
      }
      parts[j] = { images, labels };
      done++;
      bytes += buf.byteLength;
      report();
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, wanted.length) }, worker));
  const count = wanted.reduce((s, c) => s + c.count, 0);
  const ppi = index.rows * index.cols;
  const images = new Uint8Array(count * ppi);
  const labels = new Int32Array(count);
  let k = 0;
  for (const p of parts as Array<{ images: Uint8Array; labels: Int32Array }>) {
    images.set(p.images, k * ppi);
    labels.set(p.labels, k);
    k += p.labels.length;
  }
  return {
    name: 'Fashion-MNIST',
    imageShape: [index.rows, index.cols, 1],
    images,
    labels,
    groups: labels.slice(),
    classNames: FASHION_CLASS_NAMES.slice(),
    groupNames: FASHION_CLASS_NAMES.slice(),
  };
}
