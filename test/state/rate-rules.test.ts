import { describe, expect, it } from 'vitest';
import { nextRate, snapRate, steppedRate } from '../../src/state/rate-rules';

describe('the slider keys', () => {
  const measured = [0, 0.5, 0.9];

  it('Shift + arrow moves one 1% step from a measured rate, which a snap would undo', () => {
    expect(steppedRate(0.5, 1)).toBe(0.51);
    expect(steppedRate(0.5, -1)).toBe(0.49);
    // The reason the step is selected as is: the snap a drag gets puts 0.51 back on 0.5.
    expect(snapRate(measured, 0.51)).toBe(0.5);
  });

  it('Shift + arrow stays on the 1% grid and inside [0, 0.99]', () => {
    expect(steppedRate(0.07, 1)).toBe(0.08); // 0.07 + 0.01 is 0.08000000000000002 in floats
    expect(steppedRate(0.99, 1)).toBe(0.99);
    expect(steppedRate(0, -1)).toBe(0);
  });

  it('a plain arrow jumps to the next rate in its direction, or nowhere at the end', () => {
    expect(nextRate(measured, 0.5, 1)).toBe(0.9);
    expect(nextRate(measured, 0.5, -1)).toBe(0);
    expect(nextRate(measured, 0.6, -1)).toBe(0.5);
    expect(nextRate(measured, 0.9, 1)).toBeNull();
    expect(nextRate([0.9, 0.3], 0.5 + 1e-12, -1)).toBe(0.3); // unsorted input, a float hair above 0.5
  });
});
