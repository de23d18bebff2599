import type { FileEntry } from './file-entry';

// A tar reader for the archives UTKFace and CIFAR-10 ship as (ustar and GNU tar, with pax and GNU long names): the
// regular files' paths and bytes. Everything else (folders, links) is passed over.

const BLOCK = 512;
const text = (b: Uint8Array, start: number, length: number) => {
  const slice = b.subarray(start, start + length);
  const end = slice.indexOf(0);
  return new TextDecoder().decode(end < 0 ? slice : slice.subarray(0, end));
};
const octal = (b: Uint8Array, start: number, length: number) => parseInt(text(b, start, length).trim() || '0', 8);

/** Header checksum: the sum of the header's bytes with the checksum field read as spaces. */
function checksumOk(b: Uint8Array, at: number): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : b[at + i];
  return sum === octal(b, at + 148, 8);
}

/** The files of a tar archive; throws a message naming the archive when it is not one or is cut short. */
export function untar(bytes: Uint8Array, archive: string): FileEntry[] {
  const files: FileEntry[] = [];
  let at = 0;
  let longName: string | null = null;
  while (at + BLOCK <= bytes.length) {
    if (bytes.subarray(at, at + BLOCK).every((x) => x === 0)) break; // end-of-archive blocks
    if (!checksumOk(bytes, at)) throw new Error(`${archive}: not a tar archive, or damaged (bad header checksum at byte ${at})`);
    const size = octal(bytes, at + 124, 12);
    const type = String.fromCharCode(bytes[at + 156] || 48);
    const prefix = text(bytes, at + 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${text(bytes, at, 100)}` : text(bytes, at, 100));
    longName = null;
    const start = at + BLOCK;
    if (start + size > bytes.length) throw new Error(`${archive}: truncated (the entry ${name} needs ${size} bytes, ${Math.max(0, bytes.length - start)} remain)`);
    const body = bytes.subarray(start, start + size);
    if (type === 'L') longName = text(body, 0, size);
    else if (type === 'x') {
      const path = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(new TextDecoder().decode(body));
      if (path) longName = path[1];
    } else if (type === '0' || type === '7') files.push({ path: name, bytes: body });
    at = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  return files;
}
