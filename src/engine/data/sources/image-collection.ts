import type { ImageSourceId } from '../../contract/image-sources';
import type { LoadReport, SkippedFile } from './file-entry';

/** One attribute of every image: the value names, and each image's value as an index into them. */
export interface ImageAttribute {
  values: string[];
  codes: Int32Array;
}

/** Decoded user data: side × side RGB images (NHWC, 0..255) with their attributes, and what the loader read. */
export interface ImageCollection {
  source: ImageSourceId;
  side: number;
  count: number;
  images: Uint8Array;
  attributes: Record<string, ImageAttribute>;
  report: LoadReport;
}

/**
 * Collects images one at a time (their count is not known until every file is read), growing its buffers by
 * doubling. Attribute values are given up front (UTKFace's ethnicities) or found as they come (a folder's classes).
 */
export class CollectionBuilder {
  private images: Uint8Array;
  private codes: Record<string, number[]> = {};
  private values: Record<string, string[]> = {};
  private count = 0;
  private readonly started = Date.now();
  readonly skipped: SkippedFile[] = [];

  constructor(
    private readonly source: ImageSourceId,
    readonly side: number,
    attributes: Record<string, readonly string[]>,
  ) {
    this.images = new Uint8Array(side * side * 3 * 256);
    for (const [name, values] of Object.entries(attributes)) {
      this.values[name] = [...values];
      this.codes[name] = [];
    }
  }

  /** The index of an attribute's value, added to the attribute's values when new. */
  code(attribute: string, value: string): number {
    const values = this.values[attribute];
    let i = values.indexOf(value);
    if (i < 0) i = values.push(value) - 1;
    return i;
  }

  /** Adds one side × side RGB image with its attribute codes. */
  add(pixels: Uint8Array, codes: Record<string, number>): void {
    const ppi = this.side * this.side * 3;
    if ((this.count + 1) * ppi > this.images.length) {
      const grown = new Uint8Array(this.images.length * 2);
      grown.set(this.images);
      this.images = grown;
    }
    this.images.set(pixels, this.count * ppi);
    for (const name of Object.keys(this.codes)) this.codes[name].push(codes[name]);
    this.count++;
  }

  skip(path: string, reason: string): void {
    this.skipped.push({ path, reason });
  }

  /** The collection, its report counting images per value of the first two attributes. */
  finish(): ImageCollection {
    const names = Object.keys(this.codes);
    const attributes: Record<string, ImageAttribute> = {};
    for (const name of names) attributes[name] = { values: this.values[name], codes: Int32Array.from(this.codes[name]) };
    const counts: Record<string, number> = {};
    const [a, b] = names.map((n) => attributes[n]);
    for (let i = 0; i < this.count; i++) {
      const key = b ? `${a.values[a.codes[i]]} × ${b.values[b.codes[i]]}` : a.values[a.codes[i]];
      counts[key] = (counts[key] ?? 0) + 1;
    }
    const ppi = this.side * this.side * 3;
    return {
      source: this.source,
      side: this.side,
      count: this.count,
      images: this.images.slice(0, this.count * ppi),
      attributes,
      report: { read: this.count, skipped: this.skipped, counts, ms: Date.now() - this.started },
    };
  }
}
