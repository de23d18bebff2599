import type { Config } from '../../engine/contract/config';
import { getPath, setPath } from '../../state/link-values';
import { useApp } from '../app-context';

/** A config value by dotted path, and a setter that writes a new (validated) config. */
export function useConfigField<T>(path: string): [T, (value: T) => void] {
  const value = useApp((s) => getPath(s.config, path)) as T;
  const updateConfig = useApp((s) => s.updateConfig);
  return [value, (v: T) => updateConfig((c) => withValue(c, path, v))];
}

export function withValue(c: Config, path: string, value: unknown): Config {
  const next = structuredClone(c) as unknown as Record<string, unknown>;
  setPath(next, path, value);
  return next as unknown as Config;
}
