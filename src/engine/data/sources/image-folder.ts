import { baseName, type FileEntry } from './file-entry';
import { CollectionBuilder, type ImageCollection } from './image-collection';
import { decodeInOrder } from './decode-batches';
import { squareRgb, type ImageDecoder } from './square-rgb';

// A user's own images: either a folder of group/class/image files (the two folders above each image name its group
// and class), or images with a CSV manifest whose header names the columns path, label and group (paths relative
// to the manifest's folder).

const isImage = (path: string) => /\.(png|jpe?g)$/i.test(path);
const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '');

/** Splits a CSV line, with "quoted, fields" and "" as a quote inside them. */
export function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out.map((f) => f.trim());
}

interface Labelled {
  file: FileEntry;
  label: string;
  group: string;
}

function fromManifest(files: FileEntry[], manifest: FileEntry, b: CollectionBuilder): Labelled[] {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const lines = new TextDecoder().decode(manifest.bytes).split(/\r?\n/).filter((l) => l.trim());
  const header = csvFields(lines[0] ?? '').map((h) => h.toLowerCase());
  const [pi, li, gi] = ['path', 'label', 'group'].map((h) => header.indexOf(h));
  if (pi < 0 || li < 0 || gi < 0) {
    b.skip(manifest.path, `the header "${lines[0] ?? ''}" does not name the columns path, label and group`);
    return [];
  }
  const base = dirOf(manifest.path);
  return lines.slice(1).flatMap((line, k): Labelled[] => {
    const cells = csvFields(line);
    const file = byPath.get(`${base}${cells[pi]}`) ?? byPath.get(cells[pi]);
    if (!file) {
      b.skip(`${manifest.path}:${k + 2}`, `no file ${cells[pi]} among the files given`);
      return [];
    }
    return [{ file, label: cells[li], group: cells[gi] }];
  });
}

function fromFolders(files: FileEntry[], b: CollectionBuilder): Labelled[] {
  return files.flatMap((file): Labelled[] => {
    const parts = file.path.split('/');
    if (!isImage(file.path)) {
      b.skip(file.path, 'not a .png or .jpg image');
      return [];
    }
    if (parts.length < 3) {
      b.skip(file.path, 'not inside group/class/ folders');
      return [];
    }
    return [{ file, group: parts[parts.length - 3], label: parts[parts.length - 2] }];
  });
}

/** The images of a group/class folder tree, or of a CSV manifest when one is among `files`. */
export async function loadImageFolder(files: FileEntry[], side: number, decode: ImageDecoder, onProgress?: (done: number, total: number) => void): Promise<ImageCollection> {
  const b = new CollectionBuilder('folder', side, { class: [], group: [] });
  const manifests = files.filter((f) => /\.csv$/i.test(f.path));
  const others = files.filter((f) => !manifests.includes(f));
  const items = manifests.length ? manifests.flatMap((m) => fromManifest(others, m, b)) : fromFolders(others, b);
  const out = new Uint8Array(side * side * 3);
  await decodeInOrder(
    items,
    ({ file }) => decode(file.bytes, file.path),
    ({ file, label, group }, r, i) => {
      if (i % 64 === 0) onProgress?.(i, items.length);
      if (r.ok) b.add(squareRgb(r.value, side, out), { class: b.code('class', label), group: b.code('group', group) });
      else b.skip(file.path, `could not decode ${baseName(file.path)}: ${r.error instanceof Error ? r.error.message : String(r.error)}`);
    },
  );
  onProgress?.(items.length, items.length);
  return b.finish();
}
