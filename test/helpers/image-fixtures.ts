import { deflateSync, gzipSync, zipSync } from 'fflate';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

// Writers for the formats the user-data loaders read, so tests generate their fixtures and know every byte. They
// are written from the formats' specifications, independently of the readers in src/engine/data/sources.

/** A solid-colour w × h JPEG (quality 95: a solid colour survives within a few levels). */
export function solidJpeg(rgb: [number, number, number], w = 40, h = 30): Uint8Array {
  const data = Buffer.alloc(w * h * 4);
  for (let i = 0; i < w * h; i++) data.set([...rgb, 255], i * 4);
  return new Uint8Array(jpeg.encode({ data, width: w, height: h }, 95).data);
}

/** A PNG whose pixel (x, y) is pixel(x, y) (lossless: the loader must give back exactly these after resizing). */
export function png(w: number, h: number, pixel: (x: number, y: number) => [number, number, number]): Uint8Array {
  const p = new PNG({ width: w, height: h });
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) p.data.set([...pixel(x, y), 255], (y * w + x) * 4);
  return new Uint8Array(PNG.sync.write(p));
}

/** A ustar archive of the files (POSIX.1-1988 headers, checksums, two zero blocks at the end). */
export function tar(files: Array<{ path: string; bytes: Uint8Array }>): Uint8Array {
  const blocks: Uint8Array[] = [];
  const put = (h: Uint8Array, at: number, s: string) => h.set(new TextEncoder().encode(s), at);
  for (const f of files) {
    const h = new Uint8Array(512);
    put(h, 0, f.path);
    put(h, 100, '0000644\0');
    put(h, 108, '0000000\0');
    put(h, 116, '0000000\0');
    put(h, 124, `${f.bytes.length.toString(8).padStart(11, '0')}\0`);
    put(h, 136, '00000000000\0');
    h[156] = 48; // '0': a regular file
    put(h, 257, 'ustar\x0000');
    h.fill(32, 148, 156);
    const sum = h.reduce((s, x) => s + x, 0);
    put(h, 148, `${sum.toString(8).padStart(6, '0')}\0 `);
    blocks.push(h, f.bytes, new Uint8Array((512 - (f.bytes.length % 512)) % 512));
  }
  blocks.push(new Uint8Array(1024));
  return concat(...blocks);
}

export const targz = (files: Array<{ path: string; bytes: Uint8Array }>) => gzipSync(tar(files));
export const zip = (files: Array<{ path: string; bytes: Uint8Array }>) => zipSync(Object.fromEntries(files.map((f) => [f.path, f.bytes])));

/** A CIFAR-10 binary batch: per record the label byte, then the red, green and blue planes. */
export function cifarBatch(records: Array<{ label: number; pixel: (r: number, c: number, ch: number) => number }>): Uint8Array {
  const out = new Uint8Array(records.length * 3073);
  records.forEach((rec, k) => {
    out[k * 3073] = rec.label;
    for (let ch = 0; ch < 3; ch++) for (let r = 0; r < 32; r++) for (let c = 0; c < 32; c++) out[k * 3073 + 1 + ch * 1024 + r * 32 + c] = rec.pixel(r, c, ch);
  });
  return out;
}

/**
 * A MATLAB level-5 MAT-file holding SVHN's two variables: X, 32×32×3×N uint8 (column-major), and y, N×1 doubles.
 * `compress` wraps each variable in a miCOMPRESSED element, as MATLAB's default save does.
 */
export function svhnMat(images: Array<(r: number, c: number, ch: number) => number>, labels: number[], compress: boolean): Uint8Array {
  const n = images.length;
  const X = new Uint8Array(32 * 32 * 3 * n);
  images.forEach((px, k) => {
    for (let ch = 0; ch < 3; ch++) for (let c = 0; c < 32; c++) for (let r = 0; r < 32; r++) X[r + 32 * c + 1024 * ch + 3072 * k] = px(r, c, ch);
  });
  const y = new Uint8Array(new Float64Array(labels).buffer);
  const header = new Uint8Array(128).fill(32);
  header.set(new TextEncoder().encode('MATLAB 5.0 MAT-file, written by the test fixtures'), 0);
  header.set([0, 1, 0x49, 0x4d], 124); // version 0x0100, "IM": little endian
  const variable = (name: string, mxClass: number, dims: number[], miType: number, data: Uint8Array) => {
    const dimsBytes = new Uint8Array(new Int32Array(dims).buffer);
    const nameBytes = new TextEncoder().encode(name);
    const body = concat(element(6, new Uint8Array(new Uint32Array([mxClass, 0]).buffer)), element(5, dimsBytes), element(1, nameBytes), element(miType, data));
    const matrix = element(14, body);
    return compress ? element(15, deflateZlib(matrix), false) : matrix;
  };
  return concat(header, variable('X', 9, [32, 32, 3, n], 2, X), variable('y', 6, [n, 1], 9, y));
}

const deflateZlib = (b: Uint8Array) => {
  // zlib = 2-byte header + deflate + Adler-32 (what MATLAB writes); fflate's zlibSync would do it, spelled out here.
  const raw = deflateSync(b);
  let a = 1;
  let s = 0;
  for (const x of b) {
    a = (a + x) % 65521;
    s = (s + a) % 65521;
  }
  return concat(new Uint8Array([0x78, 0x9c]), raw, new Uint8Array([s >>> 8, s & 255, a >>> 8, a & 255]));
};

function element(type: number, data: Uint8Array, pad = true): Uint8Array {
  const tag = new Uint8Array(new Uint32Array([type, data.length]).buffer);
  return concat(tag, data, new Uint8Array(pad ? (8 - (data.length % 8)) % 8 : 0));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
