import { unzlibSync } from 'fflate';

// A reader for MATLAB level-5 MAT-files (what SVHN's train_32x32.mat and test_32x32.mat are): the numeric matrices
// by name, with their dimensions, column-major as MATLAB stores them. Compressed elements are inflated.

export interface MatMatrix {
  dims: number[];
  /** The real part, column-major. */
  data: Uint8Array | Float64Array;
}

const MI_INT8 = 1, MI_UINT8 = 2, MI_INT16 = 3, MI_UINT16 = 4, MI_INT32 = 5, MI_UINT32 = 6, MI_SINGLE = 7, MI_DOUBLE = 9;
const MI_MATRIX = 14, MI_COMPRESSED = 15;

interface Element {
  type: number;
  body: Uint8Array;
  next: number;
}

function element(b: Uint8Array, at: number, file: string): Element {
  if (at + 8 > b.length) throw new Error(`${file}: truncated (a data element's tag at byte ${at})`);
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const first = v.getUint32(at, true);
  if (first >>> 16 !== 0) {
    // Small data element: type and size share the first 4 bytes, the data the next 4.
    return { type: first & 0xffff, body: b.subarray(at + 4, at + 4 + (first >>> 16)), next: at + 8 };
  }
  const size = v.getUint32(at + 4, true);
  if (at + 8 + size > b.length) throw new Error(`${file}: truncated (an element of ${size} bytes at byte ${at}, ${b.length - at - 8} remain)`);
  const padded = first === MI_COMPRESSED ? size : Math.ceil(size / 8) * 8;
  return { type: first, body: b.subarray(at + 8, at + 8 + size), next: at + 8 + padded };
}

function numbers(e: Element, file: string): Uint8Array | Float64Array {
  const { body } = e;
  const v = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const read = (bytes: number, get: (i: number) => number) => Float64Array.from({ length: body.length / bytes }, (_, i) => get(i * bytes));
  switch (e.type) {
    case MI_UINT8: return body.slice();
    case MI_INT8: return read(1, (i) => v.getInt8(i));
    case MI_INT16: return read(2, (i) => v.getInt16(i, true));
    case MI_UINT16: return read(2, (i) => v.getUint16(i, true));
    case MI_INT32: return read(4, (i) => v.getInt32(i, true));
    case MI_UINT32: return read(4, (i) => v.getUint32(i, true));
    case MI_SINGLE: return read(4, (i) => v.getFloat32(i, true));
    case MI_DOUBLE: return read(8, (i) => v.getFloat64(i, true));
    default: throw new Error(`${file}: numeric data of MAT type ${e.type} is not supported`);
  }
}

function matrix(body: Uint8Array, file: string): [string, MatMatrix] | null {
  if (body.length === 0) return null;
  const flags = element(body, 0, file);
  const dimsEl = element(body, flags.next, file);
  const nameEl = element(body, dimsEl.next, file);
  const mxClass = flags.body[0];
  if (mxClass < 6 || mxClass > 13) return null; // cells, structs, objects, chars, sparse: not numeric matrices
  const dims = Array.from(numbers(dimsEl, file));
  const name = new TextDecoder().decode(nameEl.body);
  const data = numbers(element(body, nameEl.next, file), file);
  const count = dims.reduce((p, d) => p * d, 1);
  if (data.length !== count) throw new Error(`${file}: matrix ${name} has ${data.length} values for dimensions ${dims.join('×')}`);
  return [name, { dims, data }];
}

/** The numeric matrices of a MAT-file by name; throws a message naming the file when it is not a v5 MAT-file. */
export function readMatV5(bytes: Uint8Array, file: string): Map<string, MatMatrix> {
  if (bytes.length < 128 || !new TextDecoder().decode(bytes.subarray(0, 10)).startsWith('MATLAB 5.0')) {
    throw new Error(`${file}: not a MATLAB 5.0 MAT-file (the header does not start with "MATLAB 5.0"; v7.3 files are HDF5 and not read here)`);
  }
  if (String.fromCharCode(bytes[126], bytes[127]) !== 'IM') throw new Error(`${file}: big-endian MAT-files are not supported`);
  const out = new Map<string, MatMatrix>();
  let at = 128;
  while (at < bytes.length) {
    let e = element(bytes, at, file);
    at = e.next;
    if (e.type === MI_COMPRESSED) {
      let inflated: Uint8Array;
      try {
        inflated = unzlibSync(e.body);
      } catch (err) {
        throw new Error(`${file}: a compressed element does not inflate (${err instanceof Error ? err.message : String(err)}): truncated or damaged`, { cause: err });
      }
      e = element(inflated, 0, file);
    }
    if (e.type !== MI_MATRIX) continue;
    const m = matrix(e.body, file);
    if (m) out.set(m[0], m[1]);
  }
  return out;
}
