import type { StateCreator } from 'zustand/vanilla';
import { defaultConfig, type Config } from '../engine/contract/config';
import { decodeConfig } from '../engine/contract/decode-config';
import type { AppState } from './store';

export interface ConfigSlice {
  /** The config the controls edit and the next Run uses (always valid). */
  config: Config;
  /** Replaces the config; anything out of range is clamped by the config decoder, never stored invalid. */
  setConfig: (next: Config) => void;
  /** Edits the config with a function of the current one. */
  updateConfig: (recipe: (c: Config) => Config) => void;
}

export const createConfigSlice: StateCreator<AppState, [], [], ConfigSlice> = (set, get) => ({
  config: defaultConfig(),
  setConfig: (next) => set({ config: decodeConfig(next).config }),
  updateConfig: (recipe) => get().setConfig(recipe(get().config)),
});
