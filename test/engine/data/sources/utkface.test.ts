import { describe, expect, it } from 'vitest';
import { UTK_AGE_BINS } from '../../../../src/engine/contract/image-sources';
import { nodeImageDecoder } from '../../../../src/engine/data/node-image-decoder';
import { loadImageSource } from '../../../../src/engine/data/sources/load-image-source';
import { parseUtkName } from '../../../../src/engine/data/sources/utkface';
import { solidJpeg, targz, zip } from '../../../helpers/image-fixtures';

// Faces named as UTKFace names them, each a solid colour that encodes its index, so pixels can be checked after
// decoding, cropping and resizing.
const people = [
  { age: 1, gender: 0, race: 0 },
  { age: 25, gender: 1, race: 1 },
  { age: 34, gender: 0, race: 2 },
  { age: 71, gender: 1, race: 3 },
  { age: 45, gender: 0, race: 4 },
  { age: 45, gender: 1, race: 0 },
];
const colour = (i: number): [number, number, number] => [40 * i, 255 - 30 * i, 100];
const faces = people.map((p, i) => ({ path: `UTKFace/${p.age}_${p.gender}_${p.race}_2017011${i}.jpg.chip.jpg`, bytes: solidJpeg(colour(i)) }));
const bad = [
  { path: 'UTKFace/39_1_20170116174525125.jpg.chip.jpg', bytes: solidJpeg([0, 0, 0]) }, // race missing, as in the real set
  { path: 'UTKFace/notes.txt', bytes: new TextEncoder().encode('hello') },
  { path: 'UTKFace/30_0_9_20170116.jpg', bytes: solidJpeg([0, 0, 0]) },
  { path: 'UTKFace/30_0_1_20170116.jpg', bytes: new Uint8Array([0xff, 0xd8, 1, 2, 3]) }, // a broken JPEG
];
const options = { side: 8, decode: nodeImageDecoder };

describe('UTKFace', () => {
  it('parses names, refusing what does not follow [age]_[gender]_[race]_[date&time].jpg', () => {
    expect(parseUtkName('x/26_1_3_20170119.jpg.chip.jpg')).toEqual({ age: 26, gender: 1, ethnicity: 3 });
    expect(parseUtkName('26_1_3_20170119.jpg')).toEqual({ age: 26, gender: 1, ethnicity: 3 });
    expect(parseUtkName('39_1_20170116174525125.jpg.chip.jpg')).toEqual({ error: expect.stringMatching(/is not \[age\]/) });
    expect(parseUtkName('30_2_1_1.jpg')).toEqual({ error: 'gender 2 is not 0 or 1' });
  });

  it.each([
    ['a tar.gz as distributed', [{ path: 'UTKFace.tar.gz', bytes: targz([...faces, ...bad]) }]],
    ['a zip of the tar.gz', [{ path: 'faces.zip', bytes: zip([{ path: 'UTKFace.tar.gz', bytes: targz([...faces, ...bad]) }]) }]],
    ['the unpacked folder', [...faces, ...bad]],
  ])('reads %s: labels, age bins, intersections and pixels; bad files skipped with the reason', async (_, files) => {
    const c = await loadImageSource('utkface', files, options);
    expect(c.count).toBe(6);
    expect(Array.from(c.attributes.ethnicity.codes)).toEqual(people.map((p) => p.race));
    expect(Array.from(c.attributes.gender.codes)).toEqual(people.map((p) => p.gender));
    expect(c.attributes.age.codes.map((b) => b)).toEqual(Int32Array.from([0, 3, 4, 8, 5, 5]));
    expect(c.attributes.age.values).toEqual(UTK_AGE_BINS.map((b) => b.label));
    expect(c.attributes['ethnicity-gender'].values[c.attributes['ethnicity-gender'].codes[1]]).toBe('Black Female');
    for (let i = 0; i < 6; i++) {
      const px = c.images.subarray(i * 8 * 8 * 3, (i + 1) * 8 * 8 * 3);
      for (let k = 0; k < px.length; k += 3) expect(Math.max(...[0, 1, 2].map((ch) => Math.abs(px[k + ch] - colour(i)[ch])))).toBeLessThan(6);
    }
    expect(c.report.skipped.map((s) => s.reason)).toEqual([
      expect.stringMatching(/name is not \[age\]_\[gender\]_\[race\]/),
      'not an image file',
      'race 9 is not 0-4',
      expect.stringMatching(/could not decode the image/),
    ]);
    expect(c.report.counts).toMatchObject({ 'White × Male': 1, 'White × Female': 1, 'Black × Female': 1 });
  });

  it('skips a truncated or damaged archive, says why, and still reads the other files', async () => {
    const whole = targz(faces);
    const c = await loadImageSource('utkface', [
      { path: 'cut.tar.gz', bytes: whole.subarray(0, whole.length / 2) },
      { path: 'junk.zip', bytes: new TextEncoder().encode('not a zip') },
      { path: 'plain.tar', bytes: new Uint8Array(700).fill(7) },
      faces[0],
    ], options);
    expect(c.count).toBe(1);
    expect(c.report.skipped).toEqual([
      { path: 'cut.tar.gz', reason: expect.stringMatching(/^cut\.tar\.gz: not gzip data, or damaged/) },
      { path: 'junk.zip', reason: expect.stringMatching(/^junk\.zip: not a zip archive, or damaged/) },
      { path: 'plain.tar', reason: 'plain.tar: not a tar archive, or damaged (bad header checksum at byte 0)' },
    ]);
  });
});
