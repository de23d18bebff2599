import type { Config } from '../../engine/contract/config';
import type { ConfigPath, PathValue } from '../../engine/contract/config-path';
import { getPath, setPath } from '../../engine/contract/object-path';
import { useApp } from '../app-context';

/** A config value by dotted path, typed by the path, and a setter that writes a new (validated) config. */
export function useConfigField<P extends ConfigPath>(path: P): [PathValue<Config, P>, (value: PathValue<Config, P>) => void] {
  // getPath reads any object; the path's type is what ties the value to the Config.
  const value = useApp((s) => getPath(s.config, path)) as PathValue<Config, P>;
  const updateConfig = useApp((s) => s.updateConfig);
  return [value, (v) => updateConfig((c) => withValue(c, path, v))];
}

/** A copy of the config with the value at the path replaced (the store's decoder validates it). */
export function withValue<P extends ConfigPath>(c: Config, path: P, value: PathValue<Config, P>): Config {
  const next = structuredClone(c) as unknown as Record<string, unknown>;
  setPath(next, path, value);
  return next as unknown as Config;
}
