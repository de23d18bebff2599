// What the install-time asset builders (build-mnist.mjs, build-fashion-mnist.mjs) share: finding a package's folder,
// the up-to-date check, the labelled-image layout they both write, atomic writes, and the rule that a postinstall
// hook never fails an install unless --strict.
//
// Labelled-image layout (little endian), parsed by src/engine/data/labelled-images.ts; keep the two in step:
//   0  magic (4 ASCII bytes)
//   4  u32 version (1)
//   8  u32 count
//   12 u32 rows
//   16 u32 cols
//   20 count*rows*cols u8 pixels, then count u8 labels

import { createRequire } from 'node:module';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const HEADER_BYTES = 20;

/** The folder of an installed package (resolved from the repository root), or null when it is not installed. */
export function packageDir(repoRoot, name) {
  const require = createRequire(path.join(repoRoot, 'package.json'));
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
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

/** Up to date when every output exists and is newer than every input (the package files and the script). */
export async function isUpToDate(outputs, inputs) {
  let oldest = Infinity;
  for (const f of outputs) {
    const t = await mtimeMs(f);
    if (t === null) return false;
    oldest = Math.min(oldest, t);
  }
  for (const f of inputs) {
    const t = await mtimeMs(f);
    if (t === null || t > oldest) return false;
  }
  return true;
}

/** One file in the labelled-image layout above. */
export function encodeLabelledImages(magic, version, rows, cols, pixels, labels) {
  const count = labels.length;
  const bytes = new Uint8Array(HEADER_BYTES + pixels.length + count);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 4; i++) bytes[i] = magic.charCodeAt(i);
  view.setUint32(4, version, true);
  view.setUint32(8, count, true);
  view.setUint32(12, rows, true);
  view.setUint32(16, cols, true);
  bytes.set(pixels, HEADER_BYTES);
  bytes.set(labels, HEADER_BYTES + pixels.length);
  return bytes;
}

/** Write then rename, so a concurrent reader (or a second build) never sees a half-written file. */
export async function writeAtomic(file, data) {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

/**
 * Runs build() (which returns { ok, message }) as a postinstall hook: problems are warnings and exit 0, so an
 * install never fails for want of an optional asset; with --strict (tests) they exit 1.
 */
export async function runAssetBuild(label, strict, build) {
  try {
    const { ok, message } = await build();
    if (ok) {
      console.log(`${label}: ${message}`);
    } else {
      console.warn(`${label}: WARNING: ${message}`);
      if (strict) process.exitCode = 1;
    }
  } catch (err) {
    console.warn(`${label}: WARNING: ${err instanceof Error ? err.message : String(err)}`);
    if (strict) process.exitCode = 1;
  }
}
