import { UTK_AGE_BINS, UTK_ETHNICITIES, UTK_GENDERS } from '../../contract/image-sources';
import { baseName, type FileEntry } from './file-entry';
import { CollectionBuilder, type ImageCollection } from './image-collection';
import { decodeInOrder } from './decode-batches';
import { squareRgb, type ImageDecoder } from './square-rgb';

export interface UtkLabels {
  age: number;
  gender: number;
  ethnicity: number;
}

// UTKFace names every image [age]_[gender]_[race]_[date&time].jpg (the aligned set adds .chip.jpg): gender 0 male,
// 1 female; race 0-4 White, Black, Asian, Indian, Others. A few files in the distributed set lack a field.
const NAME = /^(\d{1,3})_(\d+)_(\d+)_(\d+)\.jpg(\.chip\.jpg)?$/i;

/** The labels in a UTKFace file name, or why the name does not give them. */
export function parseUtkName(path: string): UtkLabels | { error: string } {
  const name = baseName(path);
  const m = NAME.exec(name);
  if (!m) return { error: 'name is not [age]_[gender]_[race]_[date&time].jpg' };
  const [age, gender, ethnicity] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (age > 120) return { error: `age ${age} out of range` };
  if (gender > 1) return { error: `gender ${gender} is not 0 or 1` };
  if (ethnicity > 4) return { error: `race ${ethnicity} is not 0-4` };
  return { age, gender, ethnicity };
}

export const ageBin = (age: number): number => UTK_AGE_BINS.findIndex((b) => age <= b.max);

const isImageName = (path: string) => /\.(jpe?g|png)$/i.test(path);

/** Decodes the UTKFace images among `files` (names parsed, faces centre-cropped and resized to side × side). */
export async function loadUtkFace(files: FileEntry[], side: number, decode: ImageDecoder, onProgress?: (done: number, total: number) => void): Promise<ImageCollection> {
  const intersections = (values: readonly string[], others: readonly string[]) => values.flatMap((v) => others.map((o) => `${v} ${o}`));
  const b = new CollectionBuilder('utkface', side, {
    ethnicity: UTK_ETHNICITIES,
    gender: UTK_GENDERS,
    age: UTK_AGE_BINS.map((x) => x.label),
    'ethnicity-gender': intersections(UTK_ETHNICITIES, UTK_GENDERS),
    'age-gender': intersections(UTK_AGE_BINS.map((x) => x.label), UTK_GENDERS),
  });
  const out = new Uint8Array(side * side * 3);
  const faces: Array<{ file: FileEntry; labels: UtkLabels }> = [];
  for (const f of files) {
    const labels = isImageName(f.path) ? parseUtkName(f.path) : { error: 'not an image file' };
    if ('error' in labels) b.skip(f.path, labels.error);
    else faces.push({ file: f, labels });
  }
  await decodeInOrder(
    faces,
    ({ file }) => decode(file.bytes, file.path),
    ({ file, labels }, r, i) => {
      if (i % 64 === 0) onProgress?.(i, faces.length);
      if (!r.ok) {
        b.skip(file.path, `could not decode the image: ${r.error instanceof Error ? r.error.message : String(r.error)}`);
        return;
      }
      const age = ageBin(labels.age);
      b.add(squareRgb(r.value, side, out), { ethnicity: labels.ethnicity, gender: labels.gender, age, 'ethnicity-gender': labels.ethnicity * 2 + labels.gender, 'age-gender': age * 2 + labels.gender });
    },
  );
  onProgress?.(faces.length, faces.length);
  return b.finish();
}
