import { describe, expect, it } from 'vitest';
import { nodeImageDecoder } from '../../../../src/engine/data/node-image-decoder';
import { csvFields } from '../../../../src/engine/data/sources/image-folder';
import { loadImageSource } from '../../../../src/engine/data/sources/load-image-source';
import { squareRgb } from '../../../../src/engine/data/sources/square-rgb';
import { png } from '../../../helpers/image-fixtures';

const options = { side: 4, decode: nodeImageDecoder };
const flat = (rgb: [number, number, number]) => png(8, 8, () => rgb);

describe('an image folder', () => {
  it('reads group/class/*.png: classes and groups from the folders, pixels exact, other files skipped', async () => {
    const files = [
      { path: 'mine/north/cat/a.png', bytes: flat([10, 20, 30]) },
      { path: 'mine/north/dog/b.png', bytes: flat([40, 50, 60]) },
      { path: 'mine/south/cat/c.png', bytes: flat([70, 80, 90]) },
      { path: 'mine/south/cat/notes.md', bytes: new Uint8Array(4) },
      { path: 'mine/south/cat/broken.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1]) },
    ];
    const c = await loadImageSource('folder', files, options);
    expect(c.attributes.class.values).toEqual(['cat', 'dog']);
    expect(c.attributes.group.values).toEqual(['north', 'south']);
    expect(Array.from(c.attributes.class.codes)).toEqual([0, 1, 0]);
    expect(Array.from(c.attributes.group.codes)).toEqual([0, 0, 1]);
    expect(Array.from(c.images.subarray(0, 3))).toEqual([10, 20, 30]);
    expect(Array.from(c.images.subarray(2 * 48, 2 * 48 + 3))).toEqual([70, 80, 90]);
    expect(c.report.skipped.map((s) => s.path)).toEqual(['mine/south/cat/notes.md', 'mine/south/cat/broken.png']);
    expect(c.report.counts).toEqual({ 'cat × north': 1, 'dog × north': 1, 'cat × south': 1 });
  });

  it('reads a CSV manifest (path, label, group) with quoted fields, reporting rows whose file is missing', async () => {
    const manifest = 'path,label,group\nimgs/a.png,"cat, tabby",young\nimgs/b.png,dog,old\nimgs/missing.png,dog,old\n';
    const c = await loadImageSource('folder', [
      { path: 'set/labels.csv', bytes: new TextEncoder().encode(manifest) },
      { path: 'set/imgs/a.png', bytes: flat([1, 2, 3]) },
      { path: 'set/imgs/b.png', bytes: flat([4, 5, 6]) },
    ], options);
    expect(c.attributes.class.values).toEqual(['cat, tabby', 'dog']);
    expect(c.attributes.group.values).toEqual(['young', 'old']);
    expect(c.report.skipped).toEqual([{ path: 'set/labels.csv:4', reason: 'no file imgs/missing.png among the files given' }]);
    expect(csvFields('a,"b ""q"", c",d')).toEqual(['a', 'b "q", c', 'd']);
  });

  it('centre-crops a wide image to a square and averages the pixels under each output pixel', () => {
    // 6 × 2: the middle 2 × 2 (x = 2, 3) survives the crop; one output pixel averages all four.
    const data = new Uint8Array(6 * 2 * 4);
    for (let y = 0; y < 2; y++) for (let x = 0; x < 6; x++) data.set([x * 10, y * 100, 7, 255], (y * 6 + x) * 4);
    expect(Array.from(squareRgb({ width: 6, height: 2, data }, 1))).toEqual([25, 50, 7]);
  });
});
