import { describe, expect, it } from 'vitest';
import { deepEqual, flatten, getPath, setPath } from '../../../src/engine/contract/object-path';

describe('object paths', () => {
  it('lists the leaf paths in key order, arrays as leaves', () => {
    expect(flatten({ a: 1, b: { c: [1, 2], d: { e: true } } })).toEqual([['a', 1], ['b.c', [1, 2]], ['b.d.e', true]]);
  });

  it('reads a dotted path, undefined where the path leaves the object', () => {
    const o = { a: { b: [3, 4], c: 5 } };
    expect(getPath(o, 'a.c')).toBe(5);
    expect(getPath(o, 'a.b')).toEqual([3, 4]);
    expect(getPath(o, 'a.b.0')).toBeUndefined();
    expect(getPath(o, 'x.y')).toBeUndefined();
  });

  it('writes a dotted path, creating objects, and refuses unusable paths', () => {
    const o: Record<string, unknown> = { a: { b: 1 }, n: 2 };
    expect(setPath(o, 'a.c.d', 3)).toBe(true);
    expect(o).toEqual({ a: { b: 1, c: { d: 3 } }, n: 2 });
    expect(setPath(o, 'n.x', 1)).toBe(false);
    expect(setPath(o, 'a..b', 1)).toBe(false);
    expect(setPath(o, '__proto__.polluted', 1)).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('compares deeply, treating undefined keys as absent', () => {
    expect(deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual([1, 2], [1, 2, 3])).toBe(false);
    expect(deepEqual({ a: 1 }, { a: '1' })).toBe(false);
  });
});
