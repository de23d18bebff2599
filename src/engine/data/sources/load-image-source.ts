import type { ImageSourceId } from '../../contract/image-sources';
import { expandArchives } from './archives';
import { loadCifar10 } from './cifar10';
import type { FileEntry, SkippedFile } from './file-entry';
import type { ImageCollection } from './image-collection';
import { loadImageFolder } from './image-folder';
import type { ImageDecoder } from './square-rgb';
import { loadSvhn } from './svhn';
import { loadUtkFace } from './utkface';

export interface LoadImageOptions {
  side: number;
  decode: ImageDecoder;
  onProgress?: (done: number, total: number) => void;
}

/**
 * The one entry for user-brought data: opens the archives among the files, hands the plain files to the source's
 * loader, and reports everything skipped (damaged archives included). Never throws for bad files: they are skipped
 * and reported; a collection with no images at all is the caller's to refuse.
 */
export async function loadImageSource(source: ImageSourceId, files: FileEntry[], o: LoadImageOptions): Promise<ImageCollection> {
  const skipped: SkippedFile[] = [];
  const plain = expandArchives(files, skipped);
  let c: ImageCollection;
  switch (source) {
    case 'utkface':
      c = await loadUtkFace(plain, o.side, o.decode, o.onProgress);
      break;
    case 'cifar10':
      c = loadCifar10(plain, o.side);
      break;
    case 'svhn':
      c = loadSvhn(plain, o.side);
      break;
    case 'folder':
      c = await loadImageFolder(plain, o.side, o.decode, o.onProgress);
      break;
  }
  c.report.skipped.unshift(...skipped);
  return c;
}
