// What every loader of user-brought data reads: files as bytes with their paths (from a folder, a drop, or inside
// an archive), and what it reports back: what it read, what it skipped and why.

export interface FileEntry {
  /** Path with "/" separators, relative to what the user gave (inside an archive: "archive.tar.gz/UTKFace/1_0_0_x.jpg"). */
  path: string;
  bytes: Uint8Array;
}

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface LoadReport {
  /** Images read. */
  read: number;
  /** Files skipped, each with the reason (a name that does not parse, a broken image, a truncated archive ...). */
  skipped: SkippedFile[];
  /** Images per value of the collection's first attribute × second attribute, as "value × value" → count. */
  counts: Record<string, number>;
  ms: number;
}

/** The file name without its folders. */
export const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
