import { describe, expect, it } from 'vitest';
import { nodeImageDecoder } from '../../../../src/engine/data/node-image-decoder';
import { loadImageSource } from '../../../../src/engine/data/sources/load-image-source';
import { cifarBatch, svhnMat, tar, targz } from '../../../helpers/image-fixtures';

const options = { side: 32, decode: nodeImageDecoder };
/** A pixel value that differs by row, column, channel and image, so any mix-up of axes shows. */
const value = (k: number) => (r: number, c: number, ch: number) => (r * 7 + c * 3 + ch * 50 + k * 11) % 256;
const pixelAt = (images: Uint8Array, k: number, r: number, c: number, ch: number) => images[((k * 32 + r) * 32 + c) * 3 + ch];

function expectPixels(images: Uint8Array, count: number) {
  for (let k = 0; k < count; k++) for (const [r, c] of [[0, 0], [5, 17], [31, 2], [31, 31]]) for (let ch = 0; ch < 3; ch++) expect(pixelAt(images, k, r, c, ch)).toBe(value(k)(r, c, ch));
}

describe('CIFAR-10', () => {
  const batch = cifarBatch([3, 0, 9].map((label, k) => ({ label, pixel: value(k) })));

  it('reads binary batches from cifar-10-binary.tar.gz: labels and every pixel, passing over the other files', async () => {
    const archive = targz([
      { path: 'cifar-10-batches-bin/data_batch_1.bin', bytes: batch },
      { path: 'cifar-10-batches-bin/batches.meta.txt', bytes: new TextEncoder().encode('airplane\n') },
      { path: 'cifar-10-batches-bin/test_batch.bin', bytes: batch.subarray(0, 3073 * 2 - 5) },
    ]);
    const c = await loadImageSource('cifar10', [{ path: 'cifar-10-binary.tar.gz', bytes: archive }], options);
    expect(Array.from(c.attributes.class.codes)).toEqual([3, 0, 9]);
    expect(c.attributes.class.values[3]).toBe('cat');
    expectPixels(c.images, 3);
    expect(c.report.skipped).toEqual([
      { path: 'cifar-10-binary.tar.gz/cifar-10-batches-bin/batches.meta.txt', reason: expect.stringMatching(/not a CIFAR-10 batch/) },
      { path: 'cifar-10-binary.tar.gz/cifar-10-batches-bin/test_batch.bin', reason: expect.stringMatching(/^6141 bytes is not a whole number of 3073-byte records/) },
    ]);
  });

  it('refuses a batch whose labels are not 0-9, and a tar cut short', async () => {
    const wrong = cifarBatch([{ label: 12, pixel: value(0) }]);
    const cut = tar([{ path: 'data_batch_2.bin', bytes: batch }]).subarray(0, 3000);
    const c = await loadImageSource('cifar10', [{ path: 'data_batch_1.bin', bytes: wrong }, { path: 'cut.tar', bytes: cut }], options);
    expect(c.count).toBe(0);
    expect(c.report.skipped.map((s) => s.reason)).toEqual([
      'cut.tar: truncated (the entry data_batch_2.bin needs 9219 bytes, 2488 remain)',
      'record 0 has label 12, not 0-9: not a CIFAR-10 binary batch',
    ]);
  });
});

describe('SVHN', () => {
  it.each([true, false])('reads X and y from a MATLAB v5 file (compressed: %s), label 10 as the digit 0', async (compress) => {
    const mat = svhnMat([value(0), value(1), value(2)], [10, 1, 7], compress);
    const c = await loadImageSource('svhn', [{ path: 'train_32x32.mat', bytes: mat }], options);
    expect(Array.from(c.attributes.class.codes)).toEqual([0, 1, 7]);
    expectPixels(c.images, 3);
  });

  it('says what is wrong with a file that is not SVHN\'s', async () => {
    const mat = svhnMat([value(0)], [3], true);
    const c = await loadImageSource('svhn', [
      { path: 'test_32x32.mat', bytes: new TextEncoder().encode('<html>not found</html>'.padEnd(200)) },
      { path: 'cut_32x32.mat', bytes: mat.subarray(0, 400) },
      { path: 'readme.txt', bytes: new Uint8Array(3) },
    ], options);
    expect(c.count).toBe(0);
    expect(c.report.skipped).toEqual([
      { path: 'test_32x32.mat', reason: expect.stringMatching(/^test_32x32\.mat: not a MATLAB 5\.0 MAT-file/) },
      { path: 'cut_32x32.mat', reason: expect.stringMatching(/^cut_32x32\.mat: truncated/) },
      { path: 'readme.txt', reason: expect.stringMatching(/not a \.mat file/) },
    ]);
  });
});
