import type { ImagesDataConfig } from '../contract/config';
import { imageSources } from '../contract/image-sources';
import type { Dataset } from './dataset';
import type { ImageCollection } from './sources/image-collection';

/** Gets the decoded user data a config names: the CLI reads --data-dir, the page its IndexedDB cache or a drop. */
export type ImageCollectionLoader = (cfg: ImagesDataConfig) => Promise<ImageCollection>;

/** The config needs user-brought data that is not here: the message says which files to give. */
export class UserDataMissingError extends Error {
  constructor(cfg: ImagesDataConfig, detail: string) {
    const s = imageSources[cfg.source];
    super(`this config needs ${s.title} data (${s.files}): ${detail}`);
    this.name = 'UserDataMissingError';
  }
}

/**
 * A collection as a Dataset with the config's label and group attributes. Values no image has (an ethnicity missing
 * from a small folder) are dropped, so every class and group named is non-empty.
 */
export function collectionDataset(c: ImageCollection, cfg: ImagesDataConfig): Dataset {
  if (c.count === 0) throw new UserDataMissingError(cfg, `no images were read (${c.report.skipped.length} files skipped${c.report.skipped[0] ? `, e.g. ${c.report.skipped[0].path}: ${c.report.skipped[0].reason}` : ''})`);
  const compact = (name: string) => {
    const a = c.attributes[name];
    if (!a) throw new UserDataMissingError(cfg, `the loaded ${c.source} data has no attribute "${name}"`);
    const used = a.values.map((_, v) => a.codes.includes(v));
    const remap = used.map((u, v) => (u ? used.slice(0, v).filter(Boolean).length : -1));
    return { names: a.values.filter((_, v) => used[v]), codes: a.codes.map((v) => remap[v]) };
  };
  const label = compact(cfg.label);
  const group = compact(cfg.group);
  return {
    name: `${imageSources[c.source].title}, ${cfg.label === cfg.group ? `${cfg.label} as label and group` : `label ${cfg.label}, group ${cfg.group}`}`,
    imageShape: [c.side, c.side, 3],
    images: c.images,
    labels: label.codes,
    groups: group.codes,
    classNames: label.names,
    groupNames: group.names,
  };
}
