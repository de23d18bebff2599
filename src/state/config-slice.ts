import type { StateCreator } from 'zustand/vanilla';
import { defaultConfig, type Config } from '../engine/contract/config';
import { decodeConfig } from '../engine/contract/decode-config';
import type { AppState } from './store';

export interface ConfigSlice {
  /** The config the controls edit and the next Run uses (always valid). */
  config: Config;
  /**
   * Replaces the config; anything out of range is clamped by the config decoder, never stored invalid, and what was
   * clamped or dropped is reported in a notice, as a link's is.
   */
  setConfig: (next: Config) => void;
  /** Edits the config with a function of the current one. */
  updateConfig: (recipe: (c: Config) => Config) => void;
}

/** The title of the notice that lists what the decoder changed in an edit. */
export const ADJUSTED_TITLE = 'Some settings were adjusted to the closest valid values';

export const createConfigSlice: StateCreator<AppState, [], [], ConfigSlice> = (set, get) => ({
  config: defaultConfig(),
  setConfig: (next) => {
    const { config, notices } = decodeConfig(next);
    set({ config });
    if (notices.length === 0) return;
    // One such notice at a time: the latest edit's replaces an earlier one still shown.
    for (const n of get().notices) if (n.title === ADJUSTED_TITLE) get().dismissNotice(n.id);
    get().addNotice({ tone: 'warning', title: ADJUSTED_TITLE, lines: notices });
  },
  updateConfig: (recipe) => get().setConfig(recipe(get().config)),
});
