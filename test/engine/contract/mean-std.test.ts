import { describe, expect, it } from 'vitest';
import { meanOrNull, meanStd, sdBand } from '../../../src/engine/contract/mean-std';

describe('mean ± sd over seeds', () => {
  it('gives the sample standard deviation and skips missing and non-finite values', () => {
    expect(meanStd([1, 3, NaN])).toEqual({ mean: 2, std: Math.SQRT2, n: 2 });
    expect(meanStd([1, null, undefined, 3])).toEqual({ mean: 2, std: Math.SQRT2, n: 2 });
    expect(meanStd([5])).toEqual({ mean: 5, std: 0, n: 1 });
    expect(meanStd([]).n).toBe(0);
  });

  it('gives a mean only when something was measured, and a band only with two seeds or more', () => {
    expect(meanOrNull(meanStd([]))).toBeNull();
    expect(meanOrNull(meanStd([2, 4]))).toBe(3);
    expect(sdBand(meanStd([5]))).toBeNull();
    expect(sdBand(meanStd([2, 4]))).toEqual([3 - Math.SQRT2, 3 + Math.SQRT2]);
  });
});
