import { describe, expect, it } from 'vitest';
import { fieldNote, readNumber, readNumberList } from '../../../src/ui/controls/field-note';

// Issue 13, item 6: a typed value the store clamps, rounds or cannot read is no longer changed silently.
describe('fieldNote', () => {
  it('says nothing when the setting is what was typed', () => {
    expect(fieldNote('8', readNumber('8'), '8', 'a whole number')).toBeNull();
    expect(fieldNote(' 1e1 ', readNumber(' 1e1 '), '10', 'a number')).toBeNull();
    expect(fieldNote('0.3 0.5,0.7', readNumberList('0.3 0.5,0.7'), '0.3, 0.5, 0.7', 'a list of numbers')).toBeNull();
  });

  it('names a clamped or rounded value and what it became', () => {
    expect(fieldNote('500', readNumber('500'), '200', 'a whole number')).toBe('"500" became 200 (the setting\'s range and step).');
    expect(fieldNote('2.6', readNumber('2.6'), '3', 'a whole number')).toMatch(/^"2\.6" became 3/);
    expect(fieldNote('0.3, 1.5', readNumberList('0.3, 1.5'), '0.3, 0.99', 'a list of numbers')).toMatch(/became 0\.3, 0\.99/);
  });

  it('says unreadable text was dropped, echoing it clipped', () => {
    expect(fieldNote('abc', readNumber('abc'), '8', 'a whole number')).toBe('"abc" is not a whole number: kept 8.');
    const long = fieldNote('x'.repeat(5000), null, '8', 'a number') as string;
    expect(long.length).toBeLessThan(120);
    expect(fieldNote('0.3, nope', readNumberList('0.3, nope'), '0.5', 'a list of numbers')).toMatch(/is not a list of numbers: kept 0\.5/);
  });
});
