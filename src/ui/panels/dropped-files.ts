import type { GivenFile } from '../../app/user-data';

/** Reads every entry of a dropped folder (the entries API answers in batches until an empty one). */
async function walk(entry: FileSystemEntry, prefix: string, out: GivenFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ path: `${prefix}${entry.name}`, file });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) break;
    for (const e of batch) await walk(e, `${prefix}${entry.name}/`, out);
  }
}

/** The files of a drop, folders walked, with their paths inside them. */
export async function filesFromDrop(dt: DataTransfer): Promise<GivenFile[]> {
  const entries = Array.from(dt.items, (i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => Boolean(e));
  if (!entries.length) return Array.from(dt.files, (f) => ({ path: f.name, file: f }));
  const out: GivenFile[] = [];
  for (const e of entries) await walk(e, '', out);
  return out;
}
