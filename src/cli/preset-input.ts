import { findPreset, presets } from '../engine/contract/presets';

/**
 * A preset's config as a plain object the command line's settings can be written into (a copy), or a message
 * naming the known presets.
 */
export function presetInput(id: string): { raw: Record<string, unknown> } | { error: string } {
  const p = findPreset(id);
  if (!p) return { error: `unknown preset "${id}" (known: ${presets.map((q) => q.id).join(', ')})` };
  return { raw: structuredClone(p.config) as Record<string, unknown> };
}
