import { imageSources } from '../../engine/contract/image-sources';
import { claimOf } from '../../engine/contract/preset-claims';
import { presetConfig, presets } from '../../engine/contract/presets';
import { userDataPresent } from '../../engine/contract/user-data';
import { deepEqual } from '../../engine/contract/object-path';
import { useApp, useController } from '../app-context';

/** Every engine preset as a card with its one-line claim; one click loads it, the other also runs it. */
export function PresetGallery() {
  const controller = useController();
  const config = useApp((s) => s.config);
  const setConfig = useApp((s) => s.setConfig);
  const userData = useApp((s) => s.userData);
  return (
    <section className="presets" aria-label="Presets">
      <h2>Presets</h2>
      <ul className="preset-list">
        {presets.map((p) => {
          const pc = presetConfig(p);
          const active = deepEqual({ ...pc, backend: null }, { ...config, backend: null });
          const missing = p.needs !== undefined && pc.data.kind === 'images' && !userDataPresent(userData, p.needs, pc.data.side);
          return (
            <li key={p.id} className={`preset-card${active ? ' active' : ''}`} data-preset={p.id}>
              <h3>{p.title}</h3>
              <p>{p.claim}</p>
              {claimOf(p.id) && <p className="preset-shown-by muted">Shown by {claimOf(p.id)?.shownBy}.</p>}
              {p.needsGpu && (
                <p className="preset-gpu">
                  <strong>Needs a GPU for a quick run:</strong> minutes on WebGPU, much longer on WebAssembly (the estimate beside Run says how long here).
                </p>
              )}
              {p.needs && missing && (
                <p className="preset-needs">
                  Runs on your own {imageSources[p.needs].title} files, decoded on this device and never uploaded: Load it and give them on the data
                  panel (or in the CLI: <code>--preset {p.id} --data-dir DIR</code>).
                </p>
              )}
              <div className="preset-actions">
                {/* The preset's title is added for screen readers after the visible words, which a name must contain (WCAG 2.5.3). */}
                <button type="button" className="small" onClick={() => setConfig({ ...pc, backend: config.backend })}>
                  Load<span className="visually-hidden"> preset: {p.title}</span>
                </button>
                <button
                  type="button"
                  className="small primary"
                  disabled={missing}
                  onClick={() => {
                    setConfig({ ...pc, backend: config.backend });
                    controller.run();
                  }}
                >
                  Load &amp; run<span className="visually-hidden"> preset: {p.title}</span>
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
